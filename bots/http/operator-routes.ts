import { timingSafeEqual } from 'node:crypto';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import type { AccountNumber } from '../../core/domain/account-number';
import { acceptReadings } from '../../core/operator/accept-readings';
import type { ChatIdentities, ChatPushes, DeepLinks, EReceipts, MailOutbox, MeterReadings, MonthlyReceiptChats } from '../../core/ports';
import type { Localizer } from '../../core/localizer';
import { publishReceipts } from '../../core/operator/publish-receipts';

export interface OperatorApi {
  readonly token: string;
  readonly services: {
    readonly readings: MeterReadings;
    readonly identities: ChatIdentities;
    readonly pushes: ChatPushes;
    readonly monthlyReceipts: MonthlyReceiptChats;
    readonly eReceipts: EReceipts;
    readonly mail: MailOutbox;
    readonly links: DeepLinks;
    readonly localizer: Localizer;
  };
  /** Called after pushes are queued, to deliver them now rather than at the next tick. */
  readonly pushed: () => void;
}

const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const acceptance = z.object({ account: z.string().regex(/^\d{12}$/), period });
const publication = z.object({ period });

/** The supplier's systems tell energobot what happened in billing; each call carries the operator token. */
export function mountOperatorApi(server: Server, api: OperatorApi): void {
  server.post('/operator/readings/accept', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = acceptance.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { account: 12 digits, period: YYYY-MM }' });
    const result = await acceptReadings(api.services, body.data.account as AccountNumber, body.data.period);
    api.pushed();
    res.send(200, result);
  });

  // Billing published a month: idempotent, so the supplier's system may call it again after a timeout.
  server.post('/operator/receipts/publish', async (req: Request, res: Response) => {
    if (!authorised(req, api.token)) return void res.send(401, { error: 'operator token required' });
    const body = publication.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'expected { period: YYYY-MM }' });
    const result = await publishReceipts(api.services, body.data.period, new Date());
    if ('refused' in result) return void res.send(409, { error: 'the period is not over yet: billing publishes a month after it ends' });
    api.pushed();
    res.send(200, { period: body.data.period, queued: result });
  });
}

function authorised(req: Request, token: string): boolean {
  return sameToken(/^Bearer\s+(.+)$/i.exec(req.header('authorization') ?? '')?.[1] ?? '', token);
}

function sameToken(given: string, expected: string): boolean {
  const a = Buffer.from(given);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
