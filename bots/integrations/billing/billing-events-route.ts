import { createHmac, timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { actOnBillingEvent, type BillingEventPorts } from '../../../core/features/billing/act-on-billing-event';
import type { BillingEvent } from '../../../core/features/billing/billing-event';
import type { BillingEventLog } from '../../../core/features/billing/ports';
import { maskAccountNumber } from '../../../core/kernel/account-number';
import { errorFields, type Log } from '../../../core/kernel/log';
import { billingEventSchema } from './billing-event-schema';

export const billingEventsPath = '/billing/events';

/** A signed event is taken this far from energobot's clock at most: one captured on the way cannot be sent again later. */
const clockToleranceMs = 5 * 60_000;

export interface BillingEventsRoute {
  /** `BILLING_EVENTS_SECRET`: billing signs every event with it. */
  readonly secret: string;
  readonly services: BillingEventPorts & { readonly events: BillingEventLog };
  readonly clock: () => Date;
  readonly log: Log;
  /** Called after pushes or mail are queued, to deliver them now rather than at the next tick. */
  readonly pushed: () => void;
}

type ErrorCode = 'bad-request' | 'bad-signature' | 'stale-timestamp' | 'unavailable';

/** What restify kept of the body as it came (JSON and text bodies), before parsing it: the signature is over these bytes. */
const rawBody = z
  .union([z.string(), z.instanceof(Buffer)])
  .optional()
  .catch(undefined);

/** `X-Billing-Signature` of a body sent at `timestamp` (unix seconds, as in `X-Billing-Timestamp`). */
export function signBillingEvent(secret: string, timestamp: string, body: string | Buffer): string {
  return `sha256=${createHmac('sha256', secret).update(`${timestamp}.`).update(body).digest('hex')}`;
}

/**
 * Billing's events (docs/billing-api.yaml, `webhooks.billingEvent`): signed, fresh, read, then
 * acted on once per id. The id is kept before acting; if acting fails it is forgotten and billing
 * is answered 503, so its retry acts again (the messages queued the first time are not queued twice).
 */
export function mountBillingEvents(server: Server, route: BillingEventsRoute): void {
  // The server's parser refuses a body that is not JSON before the route runs: its answer is put in the contract's words.
  server.on('InvalidContent', (req: Request, _res: Response, error: Error & { toJSON?: () => unknown }, callback: () => void) => {
    if (req.path() === billingEventsPath) error.toJSON = () => refusal('bad-request', 'the body is not JSON');
    callback();
  });

  server.post(billingEventsPath, async (req: Request, res: Response) => {
    const now = route.clock();
    const body = rawBody.parse(req.rawBody ?? req.body) ?? '';
    const timestamp = req.header('x-billing-timestamp') ?? '';
    if (!signedBy(route.secret, timestamp, body, req.header('x-billing-signature') ?? ''))
      return refuse(res, 401, 'bad-signature', 'X-Billing-Signature is not sha256= and the HMAC of "{X-Billing-Timestamp}.{body}"');
    if (!fresh(timestamp, now)) return refuse(res, 401, 'stale-timestamp', 'X-Billing-Timestamp is more than 5 minutes away from our clock');
    const event = eventOf(body);
    if (!event) return refuse(res, 400, 'bad-request', 'not a BillingEvent of docs/billing-api.yaml');
    await actOnce(route, event, now, res);
  });
}

async function actOnce(route: BillingEventsRoute, event: BillingEvent, now: Date, res: Response): Promise<void> {
  const fields = logFields(event);
  let first: boolean;
  try {
    first = await route.services.events.firstTime(event.id, event.type, now);
  } catch (error) {
    route.log.warn('billing event not taken: its id could not be kept; billing will send it again', { ...fields, ...errorFields(error) });
    return refuse(res, 503, 'unavailable', 'try again later');
  }
  if (!first) {
    route.log.debug('billing event seen before; not acted on again', fields);
    return void res.send(200, { ok: true, duplicate: true });
  }
  try {
    const outcome = await actOnBillingEvent(route.services, event, now);
    if ('refused' in outcome) route.log.warn('billing event changed nothing', { ...fields, refused: outcome.refused });
    else route.log.info('billing event acted on', { ...fields, queued: outcome.queued });
  } catch (error) {
    await forgetFailed(route, event, fields);
    route.log.warn('billing event not acted on; billing will send it again', { ...fields, ...errorFields(error) });
    return refuse(res, 503, 'unavailable', 'try again later');
  }
  route.pushed();
  res.send(200, { ok: true });
}

async function forgetFailed(route: BillingEventsRoute, event: BillingEvent, fields: Record<string, unknown>): Promise<void> {
  try {
    await route.services.events.forget(event.id);
  } catch (error) {
    route.log.error('billing event not acted on and its id not forgotten: billing sending it again will not act on it', { ...fields, ...errorFields(error) });
  }
}

function signedBy(secret: string, timestamp: string, body: string | Buffer, given: string): boolean {
  const expected = Buffer.from(signBillingEvent(secret, timestamp, body));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

function fresh(timestamp: string, now: Date): boolean {
  return /^\d{1,12}$/.test(timestamp) && Math.abs(now.getTime() - Number(timestamp) * 1000) <= clockToleranceMs;
}

function eventOf(body: string | Buffer): BillingEvent | null {
  let json: unknown;
  try {
    json = JSON.parse(body.toString());
  } catch {
    return null;
  }
  const parsed = billingEventSchema.safeParse(json);
  return parsed.success ? parsed.data : null;
}

/** The event as a log line names it: the account masked, like every account number in the logs. */
function logFields(event: BillingEvent): Record<string, unknown> {
  return { event: event.id, type: event.type, ...('account' in event && { account: maskAccountNumber(event.account) }) };
}

const refusal = (code: ErrorCode, message: string) => ({ error: { code, message } });

function refuse(res: Response, status: number, code: ErrorCode, message: string): void {
  res.send(status, refusal(code, message));
}
