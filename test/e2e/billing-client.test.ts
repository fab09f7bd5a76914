import { BillingClient } from '../../bots/integrations/billing/billing-client';
import { accountSchema, submissionOutcomeSchema, tariffsSchema } from '../../bots/integrations/billing/billing-contract';
import { startReferenceBilling, type BillingFault, type ReferenceBilling } from '../../bots/integrations/billing/reference-server';
import { BillingUnavailable } from '../../core/kernel/billing-unavailable';
import { initORM } from '../../db/orm';
import { seedDemoAccounts } from '../../db/seed';
import { seededAt } from '../support/conversation';
import type { MikroORM } from '@mikro-orm/core';

/** The HTTP client against the reference server made to fail: what is retried, what is not, and when the circuit stops asking. */
describe('the billing client when billing misbehaves', () => {
  let orm: MikroORM;
  let billing: ReferenceBilling;
  let fault: BillingFault | null;
  const asked: string[] = [];
  let now = 0;

  beforeAll(async () => {
    orm = await initORM({ kind: 'sqlite', path: ':memory:' });
    await seedDemoAccounts(orm, seededAt, { timeZone: 'Europe/Moscow' });
    billing = await startReferenceBilling({
      orm,
      port: 0,
      faults: (request) => {
        asked.push(`${request.method} ${request.path}`);
        return fault;
      },
    });
  });
  afterAll(async () => {
    await billing.close();
    await orm.close();
  });
  beforeEach(() => {
    asked.length = 0;
    fault = null;
  });

  const client = () =>
    new BillingClient(
      { url: billing.url, timeoutMs: 300 },
      () => {},
      () => now,
    );
  const account = '/v1/accounts/100000000001';
  const readings = {
    period: '2026-11',
    submittedAt: '2026-11-24T09:00:00Z',
    channel: 'telegram',
    entries: [{ serialNumber: 'CE102-0100001', zone: 'single', value: 1, consumptionKwh: 1 }],
  };

  it.each<[string, BillingFault]>([
    ['down (503)', 'down'],
    ['busy (429)', 'busy'],
    ['slower than the timeout', { slowMs: 1_000 }],
  ])('retries a read three times in all when billing is %s, and a write never', async (_name, given) => {
    fault = given;
    const calls = client();
    await expect(calls.read('GET /v1/accounts/{account}', account, accountSchema)).rejects.toBeInstanceOf(BillingUnavailable);
    await expect(
      calls.write('POST /v1/accounts/{account}/readings', `${account}/readings`, readings, 'a-key-of-sixteen-chars', submissionOutcomeSchema),
    ).rejects.toBeInstanceOf(BillingUnavailable);
    expect(asked).toEqual([`GET ${account}`, `GET ${account}`, `GET ${account}`, `POST ${account}/readings`]);
  });

  it('opens an endpoint’s circuit after five failures, asks nothing more for 30 s, then tries once and closes it', async () => {
    fault = 'down';
    const calls = client();
    const read = () => calls.read('GET /v1/accounts/{account}', account, accountSchema);
    await expect(read()).rejects.toBeInstanceOf(BillingUnavailable);
    await expect(read()).rejects.toBeInstanceOf(BillingUnavailable);
    expect(asked).toHaveLength(5);
    // Open: no request at all, for this endpoint only.
    await expect(read()).rejects.toBeInstanceOf(BillingUnavailable);
    expect(asked).toHaveLength(5);
    fault = null;
    expect((await calls.read('GET /v1/tariffs', '/v1/tariffs?period=2026-11', tariffsSchema))?.tariffs.length).toBeGreaterThan(0);
    expect(asked).toHaveLength(6);
    now += 30_000;
    expect((await read())?.number).toBe('100000000001');
    expect((await read())?.number).toBe('100000000001');
    expect(asked).toHaveLength(8);
  });

  it('answers a 404 as no such account, and a wrong token as billing unavailable', async () => {
    expect(await client().read('GET /v1/accounts/{account}', '/v1/accounts/999999999999', accountSchema)).toBeNull();
    const guarded = await startReferenceBilling({ orm, port: 0, token: 'the right token' });
    try {
      const wrong = new BillingClient({ url: guarded.url, token: 'a wrong token', timeoutMs: 300 });
      await expect(wrong.read('GET /v1/accounts/{account}', account, accountSchema)).rejects.toBeInstanceOf(BillingUnavailable);
      const right = new BillingClient({ url: guarded.url, token: 'the right token', timeoutMs: 300 });
      expect((await right.read('GET /v1/accounts/{account}', account, accountSchema))?.number).toBe('100000000001');
    } finally {
      await guarded.close();
    }
  });
});
