import type { MikroORM } from '@mikro-orm/core';
import { startReferenceBilling, type BillingFault, type ReferenceBilling } from '../../bots/integrations/billing/reference-server';
import { BillingSubmission, MeterReading } from '../../db/entities';
import { initORM } from '../../db/orm';
import { seedDemoAccounts } from '../../db/seed';
import {
  checkEvent,
  checkExchange,
  checkRequest,
  checkResponse,
  contractExamples,
  contractOperationIds,
  operationIdOf,
  recordBilling,
  type BillingRecorder,
  type RecordedExchange,
} from '../support/billing-contract';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';

const seededAt = new Date('2026-11-24T09:00:00Z');
const token = 'reference-billing-token';

describe('docs/billing-api.yaml itself', () => {
  it.each(contractExamples().map((example) => [example.name, example.violations]))('example «%s» follows its schema', (_name, violations) => {
    expect(violations).toEqual([]);
  });

  it('has examples of every answer energobot reads, and of every event', () => {
    const names = contractExamples().map((example) => example.name);
    expect(names.filter((name) => / 200 /.test(name))).toHaveLength(contractOperationIds.length);
    expect(names.filter((name) => name.startsWith('webhook '))).toHaveLength(4);
  });

  it('is a referee that sees what breaks it: a path, a parameter, a header, a body, a status', () => {
    expect(checkExchange({ method: 'GET', path: '/v1/tariff?period=2026-11', requestHeaders: {}, status: 200 })).toEqual([
      'no path of the contract is /v1/tariff',
    ]);
    expect(checkExchange({ method: 'DELETE', path: '/v1/tariffs', requestHeaders: {}, status: 200 })).toEqual(['DELETE /v1/tariffs is not in the contract']);
    expect(
      checkExchange({
        method: 'GET',
        path: '/v1/tariffs?period=2026-13',
        requestHeaders: { Authorization: 'Basic x' },
        status: 200,
        responseHeaders: { 'Content-Type': 'application/json' },
        responseBody: { tariffs: [{ zone: 'evening', kopecksPerKwh: 6.5 }] },
      }),
    ).toEqual([
      'Authorization is not "Bearer <token>"',
      'query parameter period must match pattern "^[0-9]{4}-(0[1-9]|1[0-2])$"',
      'response body/tariffs/0/zone must be equal to one of the allowed values (["single","day","night","peak","semiPeak"])',
      'response body/tariffs/0/kopecksPerKwh must be integer',
    ]);
    expect(
      checkExchange({
        method: 'POST',
        path: '/v1/accounts/100000000001/readings',
        requestHeaders: { 'content-type': 'application/json' },
        requestBody: { period: '2026-11', submittedAt: '2026-11-24T10:00:00', channel: 'telegram', entries: [] },
        status: 201,
        responseBody: { outcome: 'saved' },
      }),
    ).toEqual([
      'header parameter Idempotency-Key is required',
      'request body/submittedAt must match pattern "(Z|[+-][0-9]{2}:[0-9]{2})$"',
      'request body/submittedAt must match format "date-time"',
      'request body/entries must NOT have fewer than 1 items',
      'status 201 is not documented for submitReadings',
    ]);
    expect(
      checkExchange({
        method: 'GET',
        path: '/v1/accounts/100000000001',
        requestHeaders: {},
        status: 503,
        responseHeaders: { 'content-type': 'application/json', 'retry-after': 'soon' },
        responseBody: { error: { code: 'down', message: 'x' } },
      }),
    ).toEqual(['response header Retry-After must be integer', expect.stringMatching(/^response body\/error\/code must be equal to one of the allowed values/)]);
  });

  it('checks the events billing sends, body and headers', () => {
    const event = { id: 'evt-1', type: 'readings.accepted', occurredAt: '2026-11-26T03:00:00+07:00', data: { account: '100000000001', period: '2026-11' } };
    expect(checkEvent(event, { 'X-Billing-Timestamp': '1795000000', 'X-Billing-Signature': `sha256=${'0'.repeat(64)}` })).toEqual([]);
    expect(checkEvent({ ...event, data: { account: '100000000001' } }, { 'X-Billing-Signature': 'md5=0' })).toEqual(
      expect.arrayContaining([
        'header parameter X-Billing-Timestamp is required',
        'header parameter X-Billing-Signature must match pattern "^sha256=[0-9a-f]{64}$"',
        'event must match exactly one schema in oneOf',
      ]),
    );
  });
});

describeWithPostgres('the reference billing over HTTP, from the demo accounts on PostgreSQL', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let billing: ReferenceBilling;
  let recorder: BillingRecorder;
  let fault: BillingFault | null = null;
  /** Every request the reference billing is asked, as it saw it. */
  let asked: ((request: { readonly method: string; readonly path: string }) => void) | undefined;
  /** On a free port first, then again on the same one. */
  const options = (port: number) => ({
    orm,
    token,
    port,
    faults: (request: { readonly method: string; readonly path: string }) => {
      asked?.(request);
      return fault;
    },
  });

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    orm = await initORM({ kind: 'postgresql', url: database.url });
    await seedDemoAccounts(orm, seededAt, { timeZone: 'Europe/Moscow' });
    billing = await startReferenceBilling(options(0));
    recorder = await recordBilling(billing.url);
  });
  afterAll(async () => {
    await recorder.close();
    await billing.close();
    await orm.close();
    await drop();
  });
  afterEach(() => {
    fault = null;
    asked = undefined;
  });

  interface Call {
    readonly body?: unknown;
    readonly key?: string;
    readonly token?: string | null;
    readonly signal?: AbortSignal;
  }
  const call = async (method: 'GET' | 'POST', path: string, { body, key, token: bearer = token, signal }: Call = {}) => {
    const headers: Record<string, string> = {};
    if (bearer !== null) headers['authorization'] = `Bearer ${bearer}`;
    if (key !== undefined) headers['idempotency-key'] = key;
    if (body !== undefined) headers['content-type'] = 'application/json';
    const response = await fetch(`${recorder.url}${path}`, {
      method,
      headers,
      ...(body !== undefined && { body: JSON.stringify(body) }),
      ...(signal && { signal }),
    });
    return { status: response.status, retryAfter: response.headers.get('retry-after'), body: (await response.json()) as Record<string, unknown> };
  };
  const submission = (value: number, period = '2026-11') => ({
    period,
    submittedAt: '2026-11-24T13:00:00+03:00',
    channel: 'telegram',
    entries: [{ serialNumber: 'CE102-0100001', zone: 'single', value, consumptionKwh: 120 }],
  });
  const readingsOf = (account: string, period: string) => orm.em.fork().find(MeterReading, { meter: { account }, period }, { orderBy: { zone: 'asc' } });

  it('answers every path of the contract for a demo account, each exchange as the contract has it', async () => {
    const from = recorder.exchanges.length;
    const account = await call('GET', '/v1/accounts/100000000002');
    expect(account).toMatchObject({ status: 200, body: { number: '100000000002', demo: true, balanceKopecks: expect.any(Number) as unknown } });

    const statements = await call('GET', '/v1/accounts/100000000002/statements?from=2026-08&to=2026-12');
    expect(statements.status).toBe(200);
    expect((statements.body['statements'] as { period: string }[]).map((row) => row.period)).toEqual(['2026-08', '2026-09', '2026-10']);

    const range = new URLSearchParams({ paidFrom: '2026-08-01T00:00:00+03:00', paidBefore: '2026-11-24T12:00:00+03:00' });
    const payments = await call('GET', `/v1/accounts/100000000002/payments?${range}`);
    expect(payments.status).toBe(200);
    expect((payments.body['payments'] as unknown[]).length).toBeGreaterThan(2);

    const tariffs = await call('GET', '/v1/tariffs?period=2026-11');
    expect(tariffs.status).toBe(200);
    expect(tariffs.body['tariffs']).toEqual(expect.arrayContaining([{ zone: 'day', kopecksPerKwh: expect.any(Number) as unknown }]));

    const meters = await call('GET', '/v1/accounts/100000000002/meters?period=2026-11');
    expect(meters.body).toEqual({
      meters: [
        {
          serialNumber: 'M201-0200002',
          digits: 6,
          zones: [
            expect.objectContaining({ zone: 'day', lastAccepted: { value: 44172, at: '2026-10-24T08:00:00.000Z' }, submitted: null, closed: false }),
            expect.objectContaining({ zone: 'night', submitted: null, closed: false }),
          ],
        },
      ],
    });

    const submitted = await call('POST', '/v1/accounts/100000000002/readings', {
      key: 'every-path-submission-1',
      body: {
        period: '2026-11',
        submittedAt: '2026-11-24T13:00:00+03:00',
        channel: 'webchat',
        entries: [
          { serialNumber: 'M201-0200002', zone: 'day', value: 44400, consumptionKwh: 228 },
          { serialNumber: 'M201-0200002', zone: 'night', value: 18890, consumptionKwh: 95 },
        ],
      },
    });
    expect(submitted).toMatchObject({ status: 200, body: { outcome: 'saved' } });

    const history = await call('GET', '/v1/accounts/100000000002/readings?from=2026-10&to=2026-11');
    expect(history.status).toBe(200);
    expect((history.body['readings'] as { period: string; accepted: boolean; channel: string }[]).filter((row) => row.period === '2026-11')).toEqual([
      expect.objectContaining({ zone: 'day', value: 44400, submittedAt: '2026-11-24T10:00:00.000Z', channel: 'webchat', accepted: false }),
      expect.objectContaining({ zone: 'night', value: 18890, accepted: false }),
    ]);

    const exchanges = recorder.exchanges.slice(from);
    expect(new Set(exchanges.map((exchange) => operationIdOf(exchange.method, exchange.path)))).toEqual(new Set(contractOperationIds));
    expect(recorder.violations(from)).toEqual([]);
  });

  it('answers requests off the contract, and what it cannot do, with the errors the contract documents', async () => {
    const unknownMeter = { ...submission(35000), entries: [{ serialNumber: 'NOT-ON-THE-ACCOUNT', zone: 'single', value: 1, consumptionKwh: 1 }] };
    const readings = '/v1/accounts/100000000001/readings';
    // What is asked, the answer, and whether the request itself breaks the contract (the referee must see it does).
    const cases: [string, 'GET' | 'POST', string, Call, number, string, boolean][] = [
      ['an unknown account', 'GET', '/v1/accounts/999999999999', {}, 404, 'account-not-found', false],
      ["an unknown account's meters", 'GET', '/v1/accounts/999999999999/meters?period=2026-11', {}, 404, 'account-not-found', false],
      [
        'readings of an unknown account',
        'POST',
        '/v1/accounts/999999999999/readings',
        { key: 'unknown-account-key-1', body: submission(35000) },
        404,
        'account-not-found',
        false,
      ],
      ['a bad period', 'GET', '/v1/accounts/100000000001/statements?from=2026-1&to=2026-11', {}, 400, 'bad-request', true],
      ['a period missing', 'GET', '/v1/accounts/100000000001/statements?from=2026-01', {}, 400, 'bad-request', true],
      [
        'a time without its zone',
        'GET',
        '/v1/accounts/100000000001/payments?paidFrom=2026-01-01&paidBefore=2026-11-01T00:00:00Z',
        {},
        400,
        'bad-request',
        true,
      ],
      ['a month 13', 'GET', '/v1/tariffs?period=2026-13', {}, 400, 'bad-request', true],
      ['no Idempotency-Key', 'POST', readings, { body: submission(35000) }, 400, 'bad-request', true],
      ['a short Idempotency-Key', 'POST', readings, { key: 'too-short', body: submission(35000) }, 400, 'bad-request', true],
      ['no entries', 'POST', readings, { key: 'empty-entries-key-1', body: { ...submission(35000), entries: [] } }, 400, 'bad-request', true],
      ['a wrong token', 'GET', '/v1/tariffs?period=2026-11', { token: 'a-wrong-token' }, 401, 'unauthorized', false],
      ['no token', 'GET', '/v1/accounts/100000000001', { token: null }, 401, 'unauthorized', false],
      // October's reading of the demo account is taken into billing already.
      ['a closed period', 'POST', readings, { key: 'closed-period-key-1', body: submission(34400, '2026-10') }, 409, 'period-closed', false],
      ['a meter not on the account', 'POST', readings, { key: 'unknown-meter-key-01', body: unknownMeter }, 422, 'unknown-meter', false],
    ];
    for (const [what, method, path, options, status, code, offContract] of cases) {
      expect([what, await call(method, path, options)]).toMatchObject([what, { status, body: { error: { code, message: expect.any(String) as unknown } } }]);
      const exchange = recorder.exchanges.at(-1) as RecordedExchange;
      expect([what, checkResponse(exchange)]).toEqual([what, []]);
      expect([what, checkRequest(exchange).length > 0]).toEqual([what, offContract]);
    }
    expect(await readingsOf('100000000001', '2026-11')).toEqual([]);
  });

  it('answers a submission sent twice under one key with the first answer, and writes it once', async () => {
    const from = recorder.exchanges.length;
    const first = await call('POST', '/v1/accounts/100000000001/readings', { key: 'submitted-twice-key-1', body: submission(35000) });
    const again = await call('POST', '/v1/accounts/100000000001/readings', { key: 'submitted-twice-key-1', body: submission(35100) });
    expect(first).toMatchObject({ status: 200, body: { outcome: 'saved' } });
    expect(again).toEqual(first);
    expect((await readingsOf('100000000001', '2026-11')).map((reading) => reading.value)).toEqual([35000]);
    expect(await orm.em.fork().count(BillingSubmission, { key: 'submitted-twice-key-1' })).toBe(1);

    // A new key is a new submission: it replaces the value.
    expect(await call('POST', '/v1/accounts/100000000001/readings', { key: 'submitted-twice-key-2', body: submission(35100) })).toMatchObject({
      status: 200,
      body: { outcome: 'replaced' },
    });
    expect((await readingsOf('100000000001', '2026-11')).map((reading) => reading.value)).toEqual([35100]);
    expect(recorder.violations(from)).toEqual([]);
  });

  it('answers two submissions racing under one key alike, and writes one', async () => {
    const from = recorder.exchanges.length;
    const body = {
      period: '2026-11',
      submittedAt: '2026-11-24T13:00:00+03:00',
      channel: 'telegram',
      entries: [
        { serialNumber: 'CE303-0300003', zone: 'peak', value: 14100, consumptionKwh: 153 },
        { serialNumber: 'CE303-0300003', zone: 'semiPeak', value: 27600, consumptionKwh: 195 },
        { serialNumber: 'CE303-0300003', zone: 'night', value: 17500, consumptionKwh: 97 },
      ],
    };
    const racing = await Promise.all([1, 2].map(() => call('POST', '/v1/accounts/100000000003/readings', { key: 'racing-twins-key-001', body })));
    expect(racing).toEqual([
      { status: 200, retryAfter: null, body: { outcome: 'saved' } },
      { status: 200, retryAfter: null, body: { outcome: 'saved' } },
    ]);
    expect((await readingsOf('100000000003', '2026-11')).map((reading) => [reading.zone, reading.value])).toEqual([
      ['night', 17500],
      ['peak', 14100],
      ['semiPeak', 27600],
    ]);
    expect(await orm.em.fork().count(BillingSubmission, { key: 'racing-twins-key-001' })).toBe(1);
    expect(recorder.violations(from)).toEqual([]);
  });

  it('shows the faults a test asks for: down (503) and busy (429), each saying when to come back, as documented', async () => {
    const from = recorder.exchanges.length;
    fault = 'down';
    expect(await call('GET', '/v1/accounts/100000000001')).toMatchObject({ status: 503, retryAfter: '1', body: { error: { code: 'unavailable' } } });
    expect(await call('POST', '/v1/accounts/100000000001/readings', { key: 'while-down-key-0001', body: submission(36000) })).toMatchObject({ status: 503 });
    fault = 'busy';
    expect(await call('GET', '/v1/tariffs?period=2026-11')).toMatchObject({ status: 429, retryAfter: '1', body: { error: { code: 'busy' } } });
    fault = null;
    // Billing did not take what it answered 503 to: the same key is a submission still to make.
    expect(await call('POST', '/v1/accounts/100000000001/readings', { key: 'while-down-key-0001', body: submission(36000) })).toMatchObject({
      status: 200,
      body: { outcome: 'replaced' },
    });
    expect(recorder.violations(from)).toEqual([]);
  });

  it('keeps a slow answer from the caller until it gives up, and stops at once even then', async () => {
    fault = { slowMs: 600_000 };
    const reached = new Promise<void>((resolve) => (asked = () => resolve()));
    const giveUp = new AbortController();
    const waiting = call('GET', '/v1/accounts/100000000001', { signal: giveUp.signal });
    await reached;
    giveUp.abort();
    await expect(waiting).rejects.toThrow();
    await billing.close();
    billing = await startReferenceBilling(options(Number(new URL(billing.url).port)));
  });

  it('stops (callers are refused a connection) and starts again on the same port with the same data', async () => {
    const port = new URL(billing.url).port;
    await billing.close();
    await expect(fetch(`${billing.url}/v1/tariffs?period=2026-11`, { headers: { authorization: `Bearer ${token}` } })).rejects.toThrow();
    // Through the recorder too: the caller's connection is dropped, nothing is recorded.
    const recorded = recorder.exchanges.length;
    await expect(call('GET', '/v1/tariffs?period=2026-11')).rejects.toThrow();
    expect(recorder.exchanges).toHaveLength(recorded);

    billing = await startReferenceBilling(options(Number(port)));
    expect(new URL(billing.url).port).toBe(port);
    expect(await call('GET', '/v1/accounts/100000000001')).toMatchObject({ status: 200, body: { number: '100000000001' } });
    expect((await readingsOf('100000000001', '2026-11')).map((reading) => reading.value)).toEqual([36000]);
  });
});
