import { createHash, timingSafeEqual } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { MikroORM } from '@mikro-orm/core';
import restify, { type Request, type Response, type Server } from 'restify';
import { createLog, errorFields, type Log } from '../../../core/kernel/log';
import { SqlAccounts } from '../../../db/repositories/sql-accounts';
import { SqlMeterReadings } from '../../../db/repositories/sql-meter-readings';
import { errorJson } from './contract-json';
import { referenceRoutes, refusal, type ReferenceAnswer, type ReferenceRoute } from './reference-routes';

/** How billing misbehaves for one request: answers 503, answers 429, or answers only after a while. */
export type BillingFault = 'down' | 'busy' | { readonly slowMs: number };

export interface ReferenceBillingOptions {
  /** The embedded billing's database: its accounts, meters and readings are served. */
  readonly orm: MikroORM;
  /** When set, every request must carry `Authorization: Bearer <token>`. */
  readonly token?: string | undefined;
  /** 0 takes a free one. */
  readonly port: number;
  /** 127.0.0.1 unless set. */
  readonly host?: string | undefined;
  /** Asked on every request (the path without its query): a fault to show, or null to answer. */
  readonly faults?: (request: { readonly method: string; readonly path: string }) => BillingFault | null;
  /** Where a failure of the embedded billing itself is told (it is answered 503). */
  readonly log?: Log;
}

export interface ReferenceBilling {
  /** `http://host:port`; the contract's `/v1/…` paths are under it. */
  readonly url: string;
  /** Stops listening and drops every connection, then waits for what requests were doing: the same port can be listened on again at once. */
  close(): Promise<void>;
}

/** How soon a client may come back after a fault, in seconds. */
const retryAfter = '1';

/**
 * The supplier's billing as docs/billing-api.yaml has it, answered from energobot's embedded
 * tables: `npm run billing:demo`, and the other end of the tests of the HTTP adapter.
 */
export async function startReferenceBilling(options: ReferenceBillingOptions): Promise<ReferenceBilling> {
  const log = options.log ?? createLog('error');
  const server = restify.createServer({ name: 'energobot-billing-reference', handleUncaughtExceptions: false });
  server.use(restify.plugins.queryParser({ mapParams: false }));
  server.use(restify.plugins.bodyReader({ maxBodySize: 64 * 1024 }));
  server.use(restify.plugins.jsonBodyParser({ mapParams: false, bodyReader: true }));
  answerInContractWords(server, log);
  const stopping = new AbortController();
  const inFlight = new Set<Promise<void>>();
  const billing = { accounts: new SqlAccounts(options.orm), readings: new SqlMeterReadings(options.orm) };
  for (const route of referenceRoutes(billing)) {
    server[route.method](route.path, async (req: Request, res: Response) => {
      const serving = serve(route, req, res, { ...options, log, stopping: stopping.signal });
      inFlight.add(serving);
      try {
        await serving;
      } finally {
        inFlight.delete(serving);
      }
    });
  }
  const host = options.host ?? '127.0.0.1';
  await new Promise<void>((resolve, reject) => {
    server.server.once('error', reject);
    server.listen(options.port, host, () => {
      server.server.off('error', reject);
      resolve();
    });
  });
  let closing: Promise<void> | undefined;
  return {
    url: urlOf(host, server.address().port),
    close: () =>
      (closing ??= (async () => {
        stopping.abort();
        const closed = new Promise<void>((resolve) => void server.close(() => resolve()));
        server.server.closeAllConnections();
        await Promise.allSettled(inFlight);
        await closed;
      })()),
  };
}

async function serve(
  route: ReferenceRoute,
  req: Request,
  res: Response,
  context: Pick<ReferenceBillingOptions, 'faults' | 'token'> & { readonly log: Log; readonly stopping: AbortSignal },
): Promise<void> {
  const fault = context.faults?.({ method: req.method ?? '', path: req.path() }) ?? null;
  if (typeof fault === 'object' && fault !== null) {
    try {
      await sleep(fault.slowMs, undefined, { signal: context.stopping });
    } catch {
      // Stopped while it kept the caller waiting: the connection is gone, nobody to answer.
      return;
    }
  }
  const answer =
    fault === 'down'
      ? unavailable('billing is down (a fault the test asked for)')
      : fault === 'busy'
        ? { status: 429, body: errorJson('busy', 'too many requests (a fault the test asked for)'), headers: { 'Retry-After': retryAfter } }
        : !authorized(req.header('authorization'), context.token)
          ? { status: 401, body: errorJson('unauthorized', 'expected Authorization: Bearer and the billing token'), headers: { 'WWW-Authenticate': 'Bearer' } }
          : await answered(route, req, context.log);
  for (const [name, value] of Object.entries(answer.headers ?? {})) res.header(name, value);
  res.send(answer.status, answer.body);
}

async function answered(route: ReferenceRoute, req: Request, log: Log): Promise<ReferenceAnswer> {
  try {
    return await route.answer({ params: req.params, query: req.query, body: req.body, header: (name) => req.header(name) });
  } catch (error) {
    const refused = refusal(error);
    if (refused) return refused;
    log.error('reference billing failed', { method: req.method, path: route.path, ...errorFields(error) });
    return unavailable('billing cannot answer now');
  }
}

function unavailable(message: string): ReferenceAnswer {
  return { status: 503, body: errorJson('unavailable', message), headers: { 'Retry-After': retryAfter } };
}

/** The token compared in constant time, whatever the length of what was sent. */
function authorized(header: string | undefined, token: string | undefined): boolean {
  if (token === undefined) return true;
  const digest = (value: string) => createHash('sha256').update(value).digest();
  return timingSafeEqual(digest(header ?? ''), digest(`Bearer ${token}`));
}

/**
 * What restify answers itself (no such path, a body that is not JSON or too large) has the
 * contract's `Error` body too; its own failures are the contract's 503.
 */
function answerInContractWords(server: Server, log: Log): void {
  server.on('restifyError', (req: Request, res: Response, error: Error & { statusCode?: number; toJSON?: () => unknown }, callback: () => void) => {
    const status = error.statusCode ?? 500;
    if (status >= 500) {
      log.error('reference billing failed', { method: req.method, path: req.path(), ...errorFields(error) });
      error.statusCode = 503;
      res.header('Retry-After', retryAfter);
      error.toJSON = () => errorJson('unavailable', 'billing cannot answer now');
    } else {
      // No such path or method stays 404 or 405; any other request off the contract is its 400.
      error.statusCode = status === 404 || status === 405 ? status : 400;
      error.toJSON = () => errorJson('bad-request', error.message);
    }
    callback();
  });
}

function urlOf(host: string, port: number): string {
  const reachable = host === '0.0.0.0' || host === '::' ? '127.0.0.1' : host;
  return `http://${reachable.includes(':') ? `[${reachable}]` : reachable}:${port}`;
}
