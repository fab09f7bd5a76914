import { z } from 'zod';
import type { Accounts } from '../../../core/features/account/ports';
import { zones } from '../../../core/features/readings/meter';
import type { AccountNumber } from '../../../core/kernel/account-number';
import type { SqlMeterReadings } from '../../../db/repositories/sql-meter-readings';
import { accountJson, errorJson, metersJson, paymentsJson, readingsJson, statementsJson, tariffsJson } from './contract-json';

/** A request as the routes read it: what restify parsed is typed `any`, so every part goes through a schema here. */
export interface ReferenceRequest {
  readonly params: unknown;
  readonly query: unknown;
  readonly body: unknown;
  header(name: string): string | undefined;
}

export interface ReferenceAnswer {
  readonly status: number;
  readonly body: unknown;
  readonly headers?: Readonly<Record<string, string>>;
}

export interface ReferenceRoute {
  readonly method: 'get' | 'post';
  /** restify's form of the contract's path: `{account}` is `:account`. */
  readonly path: string;
  answer(request: ReferenceRequest): Promise<ReferenceAnswer>;
}

/** The embedded billing the reference server speaks for. */
export interface EmbeddedBilling {
  readonly accounts: Accounts;
  readonly readings: Pick<SqlMeterReadings, 'meters' | 'history' | 'submit'>;
}

/** An answer other than the one asked for, thrown from deep in a route. */
class Refused extends Error {
  constructor(readonly answer: ReferenceAnswer) {
    super(`refused with ${answer.status}`);
  }
}

export function refusal(error: unknown): ReferenceAnswer | undefined {
  return error instanceof Refused ? error.answer : undefined;
}

// The contract's inputs (docs/billing-api.yaml, `components`).
const accountPath = z.object({
  account: z
    .string()
    .regex(/^[0-9]{12}$/, 'expected the 12 digits of an account')
    .transform((number) => number as AccountNumber),
});
const period = z.string().regex(/^[0-9]{4}-(0[1-9]|1[0-2])$/, 'expected a period YYYY-MM');
const time = z.iso.datetime({ offset: true, message: 'expected an RFC 3339 time with its zone' }).transform((at) => new Date(at));
const count = z.number().int().min(0);
const periodRange = z.object({ from: period, to: period });
const paymentRange = z.object({ paidFrom: time, paidBefore: time });
const periodQuery = z.object({ period });
const idempotencyKey = z.string({ message: 'required' }).regex(/^[A-Za-z0-9_-]{16,64}$/, 'expected 16 to 64 of A-Z, a-z, 0-9, _ and -');
const submission = z.strictObject({
  period,
  submittedAt: time,
  channel: z.string(),
  entries: z
    .array(z.strictObject({ serialNumber: z.string().min(1), zone: z.enum(zones), value: count, consumptionKwh: count }))
    .min(1)
    .max(20),
});

function parsed<S extends z.ZodType>(schema: S, value: unknown, what: string): z.output<S> {
  const result = schema.safeParse(value);
  if (result.success) return result.data;
  const issues = result.error.issues.map((issue) => (issue.path.length ? `${issue.path.join('.')}: ${issue.message}` : issue.message));
  throw new Refused({ status: 400, body: errorJson('bad-request', `${what}: ${issues.join('; ')}`) });
}

const ok = (body: unknown): ReferenceAnswer => ({ status: 200, body });

/** Every path and method of docs/billing-api.yaml, answered from the embedded billing. */
export function referenceRoutes(billing: EmbeddedBilling): ReferenceRoute[] {
  const { accounts, readings } = billing;
  /** The path's account, when billing has it. */
  const accountOf = async (request: ReferenceRequest): Promise<AccountNumber> => {
    const { account } = parsed(accountPath, request.params, 'path');
    if (!(await accounts.card(account))) throw new Refused({ status: 404, body: errorJson('account-not-found', 'no such account') });
    return account;
  };
  return [
    {
      method: 'get',
      path: '/v1/accounts/:account',
      answer: async (request) => {
        const { account } = parsed(accountPath, request.params, 'path');
        const info = await accounts.info(account);
        return info ? ok(accountJson(info)) : { status: 404, body: errorJson('account-not-found', 'no such account') };
      },
    },
    {
      method: 'get',
      path: '/v1/accounts/:account/statements',
      answer: async (request) => {
        const { from, to } = parsed(periodRange, request.query, 'query');
        return ok(statementsJson(await accounts.statements(await accountOf(request), from, to)));
      },
    },
    {
      method: 'get',
      path: '/v1/accounts/:account/payments',
      answer: async (request) => {
        const { paidFrom, paidBefore } = parsed(paymentRange, request.query, 'query');
        return ok(paymentsJson(await accounts.payments(await accountOf(request), paidFrom, paidBefore)));
      },
    },
    {
      method: 'get',
      path: '/v1/tariffs',
      answer: async (request) => ok(tariffsJson(await accounts.tariffs(parsed(periodQuery, request.query, 'query').period))),
    },
    {
      method: 'get',
      path: '/v1/accounts/:account/meters',
      answer: async (request) => {
        const { period } = parsed(periodQuery, request.query, 'query');
        return ok(metersJson(await readings.meters(await accountOf(request), period)));
      },
    },
    {
      method: 'get',
      path: '/v1/accounts/:account/readings',
      answer: async (request) => {
        const { from, to } = parsed(periodRange, request.query, 'query');
        return ok(readingsJson(await readings.history(await accountOf(request), from, to)));
      },
    },
    { method: 'post', path: '/v1/accounts/:account/readings', answer: (request) => submitted(billing, request, accountOf) },
  ];
}

async function submitted(
  billing: EmbeddedBilling,
  request: ReferenceRequest,
  accountOf: (request: ReferenceRequest) => Promise<AccountNumber>,
): Promise<ReferenceAnswer> {
  const key = parsed(idempotencyKey, request.header('idempotency-key'), 'Idempotency-Key');
  const { period, submittedAt, channel, entries } = parsed(submission, request.body, 'body');
  const outcome = await billing.readings.submit(await accountOf(request), entries, channel, submittedAt, period, key);
  switch (outcome.kind) {
    case 'saved':
    case 'replaced':
      return ok({ outcome: outcome.kind });
    case 'closed':
      return { status: 409, body: errorJson('period-closed', "billing has taken the period's readings of these zones") };
    case 'unknown-meter':
      return { status: 422, body: errorJson('unknown-meter', 'a meter of the submission is not on the account') };
    case 'refused':
      return { status: 422, body: errorJson('readings-refused', outcome.reason) };
  }
}
