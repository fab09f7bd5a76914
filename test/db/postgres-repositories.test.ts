import { AsyncLocalStorage } from 'node:async_hooks';
import pg from 'pg';
import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { kopecks } from '../../core/kernel/money';
import { AccountLink, BillingSubmission, LinkFailure, Meter, MeterReading, MonthlyCharge, Payment } from '../../db/entities';
import { initORM } from '../../db/orm';
import { SqlAccounts } from '../../db/repositories/sql-accounts';
import { SqlChatIdentities } from '../../db/repositories/sql-chat-identities';
import { SqlLinkAttempts } from '../../db/repositories/sql-link-attempts';
import { SqlEReceipts } from '../../db/repositories/sql-e-receipts';
import { SqlMailQueue } from '../../db/repositories/sql-mail-queue';
import { SqlMeterReadings } from '../../db/repositories/sql-meter-readings';
import { SqlInvites } from '../../db/repositories/sql-invites';
import { SqlChatPushes } from '../../db/repositories/sql-chat-pushes';
import { SqlInterruptions } from '../../db/repositories/sql-interruptions';
import { SqlSettings } from '../../db/repositories/sql-settings';
import { seedDemoAccounts } from '../../db/seed';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';

const seededAt = new Date('2026-11-24T09:00:00Z');
const account = (number: string) => number as AccountNumber;
const chat = { channel: 'telegram' as const, id: '1001' };

describeWithPostgres('repositories on PostgreSQL', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    orm = await initORM({ kind: 'postgresql', url: database.url });
    await seedDemoAccounts(orm, seededAt, { timeZone: 'Europe/Moscow' });
  });
  afterAll(async () => {
    await orm.close();
    await drop();
  });

  it('applied the migrations, and they leave nothing for the entities to change', async () => {
    expect(await orm.getMigrator().getPendingMigrations()).toEqual([]);
    expect(await orm.getSchemaGenerator().getUpdateSchemaSQL({ wrap: false })).toBe('');
  });

  it('holds monthly history since January 2015 for each demo account, seeded twice without duplicates', async () => {
    await seedDemoAccounts(orm, seededAt, { timeZone: 'Europe/Moscow' });
    const em = orm.em.fork();
    const charges = await em.find(MonthlyCharge, { account: '100000000002' }, { orderBy: { year: 'asc', month: 'asc' } });
    expect(charges[0]).toMatchObject({ year: 2015, month: 1 });
    expect(charges.at(-1)).toMatchObject({ year: 2026, month: 10 });
    expect(charges).toHaveLength(142);
    for (const [previous, next] of charges.slice(0, -1).map((charge, index) => [charge, charges[index + 1]])) {
      expect(next?.openingBalanceKopecks).toBe(previous?.closingBalanceKopecks);
    }
    expect(await em.count(Payment, { account: '100000000001' })).toBeGreaterThan(130);
  });

  it('finds a payment by its exact amount within the period only', async () => {
    const accounts = new SqlAccounts(orm);
    const from = new Date('2025-11-24T09:00:00Z');
    const until = new Date('2026-11-23T09:00:00Z');
    expect(await accounts.hasPayment(account('100000000001'), kopecks(154320), from, until)).toBe(true);
    expect(await accounts.hasPayment(account('100000000001'), kopecks(154321), from, until)).toBe(false);
    expect(await accounts.hasPayment(account('100000000002'), kopecks(154320), from, until)).toBe(false);
    expect(await accounts.hasPayment(account('100000000001'), kopecks(154320), from, new Date('2026-10-15T08:59:59Z'))).toBe(false);
  });

  it('reads account information with money in kopecks', async () => {
    const info = await new SqlAccounts(orm).info(account('100000000003'));
    expect(info).toMatchObject({ residents: 4, seasonalityFactor: 1, socialNormKwh: null, demo: true });
    expect(info?.balance).toBeLessThan(0);
    expect(info?.earlierDebt).toBeGreaterThan(0);
    expect(await new SqlAccounts(orm).card(account('999999999999'))).toBeNull();
  });

  it('links a chat once per account, up to ten accounts, and unlinks', async () => {
    const identities = new SqlChatIdentities(orm);
    const at = new Date('2026-11-24T10:00:00Z');
    expect(await identities.link(chat, account('100000000001'), { consentAt: at, at, maxAccounts: 10, via: 'proof' })).toBe('linked');
    expect(await identities.link(chat, account('100000000001'), { consentAt: at, at, maxAccounts: 10, via: 'proof' })).toBe('already-linked');
    expect(await identities.link(chat, account('100000000002'), { consentAt: at, at: new Date(at.getTime() + 1000), maxAccounts: 10, via: 'proof' })).toBe(
      'linked',
    );
    expect(await identities.linkedAccounts(chat)).toEqual(['100000000002', '100000000001']);
    await identities.unlink(chat, account('100000000002'));
    expect(await identities.linkedAccounts(chat)).toEqual(['100000000001']);
  });

  it('writes, in transactions and outboxes, without an AsyncLocalStorage: once one is entered, Node tracks every promise of the process', async () => {
    const entered = [jest.spyOn(AsyncLocalStorage.prototype, 'run'), jest.spyOn(AsyncLocalStorage.prototype, 'enterWith')];
    const at = new Date('2026-11-24T11:00:00Z');
    const stranger = { channel: 'telegram' as const, id: 'als' };
    try {
      const attempts = new SqlLinkAttempts(orm);
      expect(await attempts.lookup(stranger, account('100000000003'), at)).toEqual({ allowed: true });
      const claimed = await attempts.claim(stranger, account('100000000003'), at);
      expect(claimed).toEqual({ claim: expect.any(Number) as unknown });
      await attempts.release((claimed as { claim: number }).claim);
      expect(await new SqlChatIdentities(orm).link(stranger, account('100000000003'), { consentAt: at, at, maxAccounts: 10, via: 'proof' })).toBe('linked');
      const entry = { serialNumber: 'CE102-0100001', zone: 'single' as const, value: 1, consumptionKwh: 1 };
      expect(await new SqlMeterReadings(orm).submit(account('100000000001'), [entry], 'telegram', at, '2027-01', 'als-submission-0001')).toEqual({
        kind: 'saved',
      });
      await new SqlEReceipts(orm, (token) => token).subscribe(account('100000000003'), 'als@example.org', '2026-12');
      const mail = new SqlMailQueue(orm);
      await mail.enqueue({ to: 'als@example.org', subject: 's', text: 't' });
      for (const failed of await mail.claimDue(10, 60_000)) {
        await mail.markFailed(failed.id, 'smtp down', at);
        await mail.markSent(failed.id);
      }
      expect(entered.map((spy) => spy.mock.calls.length)).toEqual([0, 0]);
    } finally {
      for (const spy of entered) spy.mockRestore();
    }
  });

  it('checks 5 proofs of one account at any concurrency: 40 strangers at once, each with the time it read before queueing', async () => {
    const attempts = new SqlLinkAttempts(orm);
    const readAt = new Date();
    const strangers = Array.from({ length: 40 }, (_, index) => ({ channel: 'telegram' as const, id: `concurrent-${index}` }));
    // Each read the clock as its turn began: one that queued behind others may have read it before they did.
    const outcomes = await Promise.all(
      strangers.map((stranger, index) => attempts.claim(stranger, account('100000000002'), new Date(readAt.getTime() - index))),
    );
    const checked = outcomes.filter((outcome) => 'claim' in outcome).length;
    process.stdout.write(`40 concurrent proofs of one account: ${checked} checked, ${outcomes.length - checked} paused\n`);
    expect(checked).toBe(5);
    await orm.em.fork().nativeDelete(LinkFailure, { chatKey: { $like: 'telegram:concurrent-%' } });
  });

  it('lets only one of two racing links through, backed by the unique constraint', async () => {
    const identities = new SqlChatIdentities(orm);
    const racer = { channel: 'webchat' as const, id: 'racer' };
    const at = new Date();
    const outcomes = await Promise.all(
      [1, 2, 3].map(() => identities.link(racer, account('100000000003'), { consentAt: at, at, maxAccounts: 10, via: 'proof' })),
    );
    expect(outcomes.filter((outcome) => outcome === 'linked')).toHaveLength(1);
    expect(await orm.em.fork().count(AccountLink, { identity: { externalId: 'racer' } })).toBe(1);
  });

  it('lets one of two chats racing for the same invite take it, and keeps the switch of the active account across links', async () => {
    const invites = new SqlInvites(orm);
    const now = new Date();
    const token = await invites.create(account('100000000002'), chat, now, new Date(now.getTime() + 3600_000));
    const taken = await Promise.all(['2001', '2002', '2003'].map((id) => invites.take(token, { channel: 'webchat', id }, now)));
    expect(taken.filter((one) => 'account' in one)).toHaveLength(1);
    expect(taken.filter((one) => 'refused' in one && one.refused === 'used')).toHaveLength(2);
    expect(await invites.peek(token, now)).toEqual({ refused: 'used' });

    const identities = new SqlChatIdentities(orm);
    const owner = { channel: 'telegram' as const, id: '2004' };
    for (const number of ['100000000001', '100000000002', '100000000003'])
      await identities.link(owner, account(number), { consentAt: now, at: now, maxAccounts: 10, via: 'proof' });
    expect(await identities.linkedAccounts(owner)).toEqual(['100000000003', '100000000002', '100000000001']);
    expect(await identities.choose(owner, account('100000000001'), now)).toBe(true);
    expect((await identities.linkedAccounts(owner))[0]).toBe('100000000001');
    expect((await identities.linksOf(account('100000000001'))).find((link) => link.chat.id === '2004')).toMatchObject({ via: 'proof' });
  });

  it('remembers the language of a chat', async () => {
    const identities = new SqlChatIdentities(orm);
    const newcomer = { channel: 'webchat' as const, id: 'lang' };
    expect(await identities.locale(newcomer)).toBeNull();
    await identities.setLocale(newcomer, 'en');
    expect(await identities.locale(newcomer)).toBe('en');
  });

  it("reads an account's settings with a change waiting, and counts a web chat's failures per browser, and slows down the address they share", async () => {
    const settings = new SqlSettings(orm);
    await settings.setReadingsWithoutLink(account('100000000003'), { allowed: true, change: { allowed: false, from: '2026-11-25T09:00:00.000Z' } });
    await settings.setManagementByOthers(account('100000000003'), false);
    expect(await settings.of(account('100000000003'))).toEqual({
      account: '100000000003',
      readingsWithoutLink: { allowed: true, change: { allowed: false, from: '2026-11-25T09:00:00.000Z' } },
      managementByOthers: false,
      email: 'demo3@example.ru',
    });
    const identities = new SqlChatIdentities(orm);
    const attempts = new SqlLinkAttempts(orm);
    const [first, second] = [
      { channel: 'webchat' as const, id: 'tab-1' },
      { channel: 'webchat' as const, id: 'tab-2' },
    ];
    await identities.recordOrigin(first, 'ip:203.0.113.7');
    await identities.recordOrigin(second, 'ip:203.0.113.7');
    // Every page load of the web chat records its origin: the same one again is not written again.
    const statements = jest.spyOn(pg.Client.prototype, 'query');
    try {
      await identities.recordOrigin(second, 'ip:203.0.113.7');
      expect(statements.mock.calls.map(([config]) => (typeof config === 'string' ? config : (config as { text: string }).text).split(' ')[0])).toEqual([
        'select',
      ]);
    } finally {
      statements.mockRestore();
    }
    const now = new Date('2026-11-24T12:00:00Z');
    // Each browser has its own five; the address they share only slows down past ten failures.
    for (let failure = 0; failure < 5; failure += 1) await attempts.recordFailure(first, null, now);
    expect(await attempts.status(first, null, now)).toMatchObject({ remaining: 0 });
    expect(await attempts.status(second, null, now)).toEqual({ remaining: 5, pausedUntil: null });
    const third = { channel: 'webchat' as const, id: 'tab-3' };
    await identities.recordOrigin(third, 'ip:203.0.113.7');
    for (let failure = 0; failure < 5; failure += 1) await attempts.recordFailure(third, null, now);
    expect(await attempts.status(second, null, now)).toEqual({ remaining: 5, pausedUntil: new Date(now.getTime() + 2_000) });
    expect(await attempts.status(second, null, new Date(now.getTime() + 2_001))).toEqual({ remaining: 5, pausedUntil: null });
  });

  it('counts failures per origin and per account from it, and only slows an account down for everyone', async () => {
    const attempts = new SqlLinkAttempts(orm);
    const now = new Date('2026-11-24T12:00:00Z');
    const other = { channel: 'telegram' as const, id: 'other' };
    for (let i = 0; i < 4; i++) await attempts.recordFailure(chat, account('100000000002'), new Date(now.getTime() - i * 60_000));
    await attempts.recordFailure(other, account('100000000002'), now);
    expect(await attempts.status(chat, null, now)).toEqual({ remaining: 1, pausedUntil: null });
    // Five failures on the account from two origins: no one is locked out, the next proof waits 2 s.
    expect(await attempts.status(other, account('100000000002'), now)).toEqual({ remaining: 4, pausedUntil: new Date(now.getTime() + 2000) });
    expect(await attempts.status(other, account('100000000002'), new Date(now.getTime() + 2001))).toEqual({ remaining: 4, pausedUntil: null });
    await attempts.recordFailure(chat, account('100000000002'), now);
    expect(await attempts.status(chat, account('100000000002'), now)).toMatchObject({ remaining: 0 });
    expect(await attempts.status(other, account('100000000001'), now)).toEqual({ remaining: 4, pausedUntil: null });
  });

  it('claims a queued row whose next attempt carries microseconds, as times written by PostgreSQL itself do', async () => {
    const queue = new SqlMailQueue(orm);
    await queue.enqueue({ to: 'micro@example.ru', subject: 's', text: 't' });
    await orm.em
      .fork()
      .getConnection()
      .execute("update queued_mail set next_attempt_at = now() - interval '1 minute' + interval '123 microseconds' where recipient = 'micro@example.ru'");
    const claimed = await queue.claimDue(50, 60_000);
    expect(claimed.filter((mail) => mail.to === 'micro@example.ru')).toHaveLength(1);
    for (const mail of claimed) await queue.markSent(mail.id);
  });

  it('hands each queued mail to one claimer only, and retries a failed one later', async () => {
    const queue = new SqlMailQueue(orm);
    await queue.enqueue({ to: 'a@example.ru', subject: 's', text: 't' });
    const [first, second] = await Promise.all([queue.claimDue(10, 60_000), queue.claimDue(10, 60_000)]);
    expect((first?.length ?? 0) + (second?.length ?? 0)).toBe(1);
    const claimed = [...(first ?? []), ...(second ?? [])][0]!;
    await queue.markFailed(claimed.id, 'smtp down', new Date(Date.now() - 1));
    const retried = await queue.claimDue(10, 60_000);
    expect(retried).toEqual([expect.objectContaining({ id: claimed.id, attempts: 1 })]);
    await queue.markSent(claimed.id);
    expect(await new SqlMailQueue(orm, () => new Date(Date.now() + 3600_000)).claimDue(10, 60_000)).toEqual([]);
  });

  it('gives each zone its last accepted reading and usual month, and keeps one submission per zone and period', async () => {
    const readings = new SqlMeterReadings(orm);
    const [meter] = await readings.meters(account('100000000002'), '2026-11');
    expect(meter?.zones.map((zone) => zone.zone)).toEqual(['day', 'night']);
    expect(meter?.zones[0]?.lastAccepted).toEqual({ value: 44172, at: '2026-10-24T08:00:00.000Z' });
    expect(meter?.zones[0]?.usualKwh).toBeGreaterThan(150);

    const at = new Date('2026-11-24T10:00:00Z');
    const entries = [
      { serialNumber: 'M201-0200002', zone: 'day' as const, value: 44400, consumptionKwh: 228 },
      { serialNumber: 'M201-0200002', zone: 'night' as const, value: 18890, consumptionKwh: 95 },
    ];
    expect(await readings.submit(account('100000000002'), entries, 'webchat', at, '2026-11', 'zones-submission-01')).toEqual({ kind: 'saved' });
    const racing = await Promise.all(
      ['zones-submission-02', 'zones-submission-03'].map((key) => readings.submit(account('100000000002'), entries, 'telegram', at, '2026-11', key)),
    );
    expect(racing).toEqual([{ kind: 'replaced' }, { kind: 'replaced' }]);
    expect(await orm.em.fork().count(MeterReading, { period: '2026-11' })).toBe(2);
    const [again] = await readings.meters(account('100000000002'), '2026-11');
    expect(again?.zones[1]?.submitted).toEqual({ value: 18890, at: at.toISOString() });
  });

  it('refuses to replace a reading already accepted for billing', async () => {
    const entry = { serialNumber: 'CE102-0100001', zone: 'single' as const, value: 34400, consumptionKwh: 84 };
    expect(await new SqlMeterReadings(orm).submit(account('100000000001'), [entry], 'telegram', new Date(), '2026-10', 'closed-submission-1')).toEqual({
      kind: 'closed',
    });
    expect((await new SqlMeterReadings(orm).meters(account('100000000001'), '2026-10'))[0]?.zones[0]?.closed).toBe(true);
  });

  it('refuses a two-zone submission when billing took one of its zones, and saves neither', async () => {
    const at = new Date('2026-12-24T10:00:00Z');
    const meter = await orm.em.fork().findOneOrFail(Meter, { serialNumber: 'M201-0200002' });
    await orm.em.fork().insert(MeterReading, {
      meter: meter.id,
      zone: 'night',
      period: '2026-12',
      value: 18990,
      consumptionKwh: 100,
      channel: 'office',
      submittedAt: at,
      accepted: true,
    });
    const entries = [
      { serialNumber: 'M201-0200002', zone: 'day' as const, value: 44600, consumptionKwh: 200 },
      { serialNumber: 'M201-0200002', zone: 'night' as const, value: 19000, consumptionKwh: 110 },
    ];
    expect(await new SqlMeterReadings(orm).submit(account('100000000002'), entries, 'telegram', at, '2026-12', 'closed-submission-2')).toEqual({
      kind: 'closed',
    });
    expect(await orm.em.fork().find(MeterReading, { period: '2026-12' }, { fields: ['zone', 'value'] })).toEqual([
      expect.objectContaining({ zone: 'night', value: 18990 }),
    ]);
  });

  it('takes a submission once by its key: a repeat, even racing it, gets the first answer and changes nothing', async () => {
    const readings = new SqlMeterReadings(orm);
    const at = new Date('2027-02-20T10:00:00Z');
    const entry = { serialNumber: 'CE102-0100001', zone: 'single' as const, value: 36000, consumptionKwh: 90 };
    const racing = await Promise.all([1, 2, 3].map(() => readings.submit(account('100000000001'), [entry], 'telegram', at, '2027-02', 'racing-submission-1')));
    expect(racing).toEqual([{ kind: 'saved' }, { kind: 'saved' }, { kind: 'saved' }]);
    // The same key with another value, later: still the first answer, and the first value.
    const later = new Date('2027-02-21T10:00:00Z');
    expect(await readings.submit(account('100000000001'), [{ ...entry, value: 36100 }], 'webchat', later, '2027-02', 'racing-submission-1')).toEqual({
      kind: 'saved',
    });
    expect(await orm.em.fork().find(MeterReading, { period: '2027-02' }, { fields: ['value', 'channel'] })).toEqual([
      expect.objectContaining({ value: 36000, channel: 'telegram' }),
    ]);
    expect(await orm.em.fork().count(BillingSubmission, { key: 'racing-submission-1' })).toBe(1);
    // A new key replaces the value.
    expect(await readings.submit(account('100000000001'), [{ ...entry, value: 36100 }], 'webchat', later, '2027-02', 'racing-submission-2')).toEqual({
      kind: 'replaced',
    });
  });

  it('refuses an entry whose meter is not on the account, saving nothing, and answers its repeat the same', async () => {
    const readings = new SqlMeterReadings(orm);
    const at = new Date('2027-03-20T10:00:00Z');
    const entries = [
      { serialNumber: 'CE102-0100001', zone: 'single' as const, value: 37000, consumptionKwh: 90 },
      { serialNumber: 'M201-0200002', zone: 'day' as const, value: 45000, consumptionKwh: 90 },
    ];
    for (const _attempt of [1, 2]) {
      expect(await readings.submit(account('100000000001'), entries, 'telegram', at, '2027-03', 'unknown-meter-key-1')).toEqual({ kind: 'unknown-meter' });
    }
    expect(await orm.em.fork().count(MeterReading, { period: '2027-03' })).toBe(0);
  });

  it('publishes an interruption once of three racing, changes it once of two racing at one version, and counts broadcasts by their names', async () => {
    const interruptions = new SqlInterruptions(orm);
    const at = new Date('2027-01-10T09:00:00Z');
    const draft = { kind: 'planned' as const, area: 'г. Воронеж, ул. Кольцовская', from: at, until: new Date('2027-01-10T15:00:00Z'), reason: 'ремонт' };
    const published = await Promise.all([1, 2, 3].map(() => interruptions.publish(draft, at)));
    const id = published[0]?.interruption.id ?? 0;
    expect(published.map(({ interruption, again }) => `${interruption.id}:${again}`).sort()).toEqual([`${id}:false`, `${id}:true`, `${id}:true`]);
    const racing = await Promise.all(
      [{ until: new Date('2027-01-10T16:00:00Z') }, { ended: true as const }].map((change) => interruptions.change(id, 1, change, at)),
    );
    expect(racing.filter((changed) => changed !== null).map((changed) => changed?.version)).toEqual([2]);
    expect((await interruptions.untold()).map((untold) => untold.id)).toContain(id);
    await interruptions.told(id, 2);
    await interruptions.told(id, 1);
    expect((await interruptions.untold()).map((untold) => untold.id)).not.toContain(id);

    const pushes = new SqlChatPushes(orm, () => at);
    const message = { key: 'push-interruption-ended', args: {} };
    const to = (id: string, broadcast: string) => ({ chat: { channel: 'telegram' as const, id }, message, broadcast, dedupeKey: `${broadcast}:${id}` });
    expect(await pushes.enqueue([to('1', 'pg_test:1:1'), to('2', 'pg_test:1:1'), to('1', 'pg_test:1:2'), to('3', 'pgXtest:1:1')])).toBe(4);
    const [first] = await pushes.claimDue(1, 60_000);
    if (first) await pushes.markSent(first.id);
    expect(await pushes.audienceOf(['pg_test:1:1', 'pg_test:1:2', 'pg_none'])).toEqual([
      { channel: 'telegram', id: '1' },
      { channel: 'telegram', id: '2' },
    ]);
    expect([...(await pushes.tallies(['pg_test:1:1', 'pg_test:1:2', 'pg_none']))].sort((a, b) => a.broadcast.localeCompare(b.broadcast))).toEqual([
      { broadcast: 'pg_test:1:1', queued: 2, delivered: 1, gaveUp: 0, since: at },
      { broadcast: 'pg_test:1:2', queued: 1, delivered: 0, gaveUp: 0, since: at },
    ]);
    expect(await pushes.audienceOf([])).toEqual([]);
  });
});
