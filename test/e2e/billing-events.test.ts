import type { MikroORM } from '@mikro-orm/core';
import restify, { type Server } from 'restify';
import type { BillingCache } from '../../core/features/billing/ports';
import { billingPeriod } from '../../core/features/readings/meter';
import type { AccountNumber } from '../../core/kernel/account-number';
import { createLog } from '../../core/kernel/log';
import { kopecks } from '../../core/kernel/money';
import { displayPeriod, shiftPeriod } from '../../core/kernel/period';
import { billingEventsPath, mountBillingEvents, signBillingEvent } from '../../bots/integrations/billing/billing-events-route';
import { Account, BillingEvent, ChatPush, PaymentOrder } from '../../db/entities';
import { initORM } from '../../db/orm';
import { SqlBillingEvents } from '../../db/repositories/sql-billing-events';
import { SqlPaymentOrders } from '../../db/repositories/sql-payment-orders';
import { seedDemoAccounts } from '../../db/seed';
import { bothChannels } from '../support/both-channels';
import type { InlineButton } from '../support/fake-telegram-api';
import { demoMeter } from '../support/demo-meter';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { fromHtml, TelegramCustomer } from '../support/telegram-customer';
import { linkingScript, plain, play, readingsScript, type Step } from '../support/test-app';

const secret = 'billing-events-secret-0123456789abcdef';
const account1 = '100000000001';
const account3 = '100000000003';
const linkAccount1InEnglish: Step[] = [
  { say: '/language' },
  { press: 'English' },
  { say: '/link' },
  { say: account1 },
  { press: 'Yes' },
  { press: 'I accept and consent' },
  { say: '1543.20' },
];
const linkAccount3: Step[] = [{ say: '/link' }, { say: account3 }, { press: 'Да' }, { press: 'Принимаю и согласен' }, { say: '500' }];

describe('events from billing at POST /billing/events, told to the linked chats in both channels', () => {
  const both = bothChannels();
  /** The moment energobot's clock stands at for the route, taken once per test. */
  let now: Date;
  let url: string;
  let server: Server;
  let routeLogs: string[];
  /** How many times each account's cache was forgotten. */
  let forgotten: Map<string, number>;
  /** Ports made to fail, as a store down would: the next call of each throws. */
  const failing = { markPosted: false, firstTime: false };
  const failOnce = (port: keyof typeof failing) => {
    failing[port] = false;
    return Promise.reject(new Error(`${port} is down`));
  };

  beforeEach(async () => {
    now = new Date(Math.floor(Date.now() / 1000) * 1000);
    forgotten = new Map();
    routeLogs = [];
    failing.markPosted = false;
    failing.firstTime = false;
    const { runtime } = both.app;
    const cache: BillingCache = {
      forget: (account) => Promise.resolve(void forgotten.set(account, (forgotten.get(account) ?? 0) + 1)),
    };
    const events = new SqlBillingEvents(runtime.orm);
    server = restify.createServer({ handleUncaughtExceptions: false });
    // The app's own body parsing (bots/channels/http/server.ts): the route reads the body's bytes as restify keeps them.
    server.use(restify.plugins.bodyParser({ maxBodySize: 1024 * 1024, mapParams: false }));
    mountBillingEvents(server, {
      secret,
      services: {
        ...runtime.services,
        pushes: runtime.pushes,
        cache,
        orders: {
          markPosted: (account, amount, paidAt) => (failing.markPosted ? failOnce('markPosted') : runtime.orders.markPosted(account, amount, paidAt)),
        },
        events: {
          firstTime: (id, type, at) => (failing.firstTime ? failOnce('firstTime') : events.firstTime(id, type, at)),
          forget: (id) => events.forget(id),
        },
      },
      clock: () => now,
      log: createLog('debug', (line) => routeLogs.push(line)),
      pushed: () => undefined,
    });
    await new Promise<void>((resolve) => void server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${server.address().port}`;
  });
  afterEach(async () => {
    server.server.closeAllConnections();
    await new Promise<void>((resolve) => void server.close(() => resolve()));
  });

  /** Billing sends an event as docs/billing-api.yaml has it: signed over the body's bytes, timestamped now unless told. */
  async function send(event: unknown, options: { sentAt?: Date; secret?: string; body?: string; signature?: string } = {}) {
    const body = options.body ?? JSON.stringify(event);
    const timestamp = String(Math.floor((options.sentAt ?? now).getTime() / 1000));
    const response = await fetch(`${url}${billingEventsPath}`, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'x-billing-timestamp': timestamp,
        'x-billing-signature': options.signature ?? signBillingEvent(options.secret ?? secret, timestamp, body),
      },
      body,
    });
    return { status: response.status, body: (await response.json()) as unknown };
  }

  let serial = 0;
  const event = (type: string, data: Record<string, unknown>) => ({ id: `evt-test-${++serial}`, type, occurredAt: '2026-11-20T09:15:00+07:00', data });
  const telegramTexts = (chatId: number, from: number) =>
    both.api
      .messagesTo(chatId)
      .slice(from)
      .map((call) => plain(fromHtml(String(call.params['text'] ?? call.params['caption']))));
  const webTexts = (from: number) => both.channel.received.slice(from).map((activity) => plain(activity.text ?? ''));
  const sql = () => both.app.runtime.orm.em.fork();

  it('tells each linked chat what concerns it, in its language, once, and makes the cache forget the account', async () => {
    await play(new TelegramCustomer(both.api, 901), [...linkingScript, ...readingsScript(await demoMeter(both.app.runtime.orm))]);
    await play(both.channel.customer('web-901'), linkAccount1InEnglish);
    await play(new TelegramCustomer(both.api, 902), linkAccount3);
    await sql().nativeUpdate(Account, { number: account1 }, { address: 'г. Липецк, ул. Новая, д. 5, кв. 12', email: 'new.owner@example.ru' });
    const otherAccountsChat = both.api.messagesTo(902).length;
    const period = billingPeriod(now, 'Europe/Moscow');
    const shown = displayPeriod(period);
    const table: { event: ReturnType<typeof event>; telegram: string[]; web: string[] }[] = [
      {
        event: event('payment.posted', { account: account1, paidAt: '2026-11-20T09:10:00+07:00', amountKopecks: 152050, source: 'site' }),
        telegram: ['Платёж 1 520,50 ₽ от 20.11.2026, 05:10 зачислен на лицевой счёт 100000000001.'],
        web: ['The payment of ₽1,520.50 made on 20/11/2026, 05:10 has been posted to account 100000000001.'],
      },
      {
        event: event('readings.accepted', { account: account1, period }),
        telegram: [`Показания по лицевому счёту 100000000001 за ${shown} учтены при расчёте ✅`],
        web: [`Readings of account 100000000001 for ${shown} have been used for billing ✅`],
      },
      {
        event: event('account.changed', { account: account1, changed: ['email', 'address', 'phone'] }),
        telegram: ['Изменились данные лицевого счёта 100000000001:\n• адрес: г. Липецк, ул. Новая, д. 5, кв. 12\n• e-mail: n***@example.ru'],
        web: ['The details of account 100000000001 have changed:\n• address: г. Липецк, ул. Новая, д. 5, кв. 12\n• e-mail: n***@example.ru'],
      },
      { event: event('account.changed', { account: account1, changed: ['phone', 'residents'] }), telegram: [], web: [] },
    ];
    const seen = [];
    for (const row of table) {
      const [telegramBefore, webBefore] = [both.api.messagesTo(901).length, both.channel.received.length];
      const answer = await send(row.event);
      await both.app.pushes.kick();
      seen.push({ event: row.event, answer, telegram: telegramTexts(901, telegramBefore), web: webTexts(webBefore) });
    }
    expect(seen).toEqual(table.map((row) => ({ event: row.event, answer: { status: 200, body: { ok: true } }, telegram: row.telegram, web: row.web })));
    expect(both.api.messagesTo(902)).toHaveLength(otherAccountsChat);
    expect(Object.fromEntries(forgotten)).toEqual({ [account1]: 4 });
    expect(await sql().count(BillingEvent, {})).toBe(4);
    expect(routeLogs.filter((line) => line.includes(account1) || line.includes('Липецк') || line.includes('new.owner'))).toEqual([]);
    expect(routeLogs.filter((line) => line.includes('billing event acted on'))).toHaveLength(4);
  });

  it('acts once on an event sent twice, or twice at once: one message per chat, one forgetting', async () => {
    await play(new TelegramCustomer(both.api, 911), linkingScript);
    await play(both.channel.customer('web-911'), linkAccount1InEnglish);
    const [telegramBefore, webBefore] = [both.api.messagesTo(911).length, both.channel.received.length];
    const posted = event('payment.posted', { account: account1, paidAt: '2026-11-20T09:10:00+07:00', amountKopecks: 152050, source: 'bank' });

    expect(await send(posted)).toEqual({ status: 200, body: { ok: true } });
    expect(await send(posted)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    const again = event('account.changed', { account: account1, changed: ['address'] });
    const answers = await Promise.all([send(again), send(again), send(again)]);
    await both.app.pushes.kick();

    expect(answers.filter((answer) => answer.status === 200 && JSON.stringify(answer.body) === '{"ok":true}')).toHaveLength(1);
    expect(answers.filter((answer) => answer.status === 200 && JSON.stringify(answer.body) === '{"ok":true,"duplicate":true}')).toHaveLength(2);
    expect(telegramTexts(911, telegramBefore)).toEqual([expect.stringMatching(/^Платёж 1 520,50 ₽/), expect.stringMatching(/^Изменились данные/)]);
    expect(webTexts(webBefore)).toEqual([expect.stringMatching(/^The payment of ₽1,520\.50/), expect.stringMatching(/^The details of account/)]);
    expect(await sql().count(ChatPush, {})).toBe(4);
    expect(Object.fromEntries(forgotten)).toEqual({ [account1]: 2 });
  });

  it('refuses what billing did not sign, an old or future timestamp, a body off the contract and a type it does not know, and changes nothing', async () => {
    await play(new TelegramCustomer(both.api, 921), linkingScript);
    const sent = both.api.messagesTo(921).length;
    const good = event('payment.posted', { account: account1, paidAt: '2026-11-20T09:10:00+07:00', amountKopecks: 152050, source: 'site' });
    const minutes = (count: number) => new Date(now.getTime() + count * 60_000);
    const signedOther = signBillingEvent(secret, String(now.getTime() / 1000), JSON.stringify({ ...good, id: 'evt-other' }));
    const cases: [string, Awaited<ReturnType<typeof send>>][] = [
      ['another secret', await send(good, { secret: 'not-the-secret-0123456789abcdef-xyz' })],
      ['the signature of another body', await send(good, { signature: signedOther })],
      ['no signature', await send(good, { signature: '' })],
      ['a signature not in hex', await send(good, { signature: 'sha256=zz' })],
      ['sent 6 minutes ago', await send(good, { sentAt: minutes(-6) })],
      ['sent 6 minutes ahead', await send(good, { sentAt: minutes(6) })],
      ['not JSON', await send(null, { body: '{"id": "evt-1", ' })],
      ['no data', await send({ ...good, data: undefined })],
      ['an amount of 0', await send({ ...good, data: { ...good.data, amountKopecks: 0 } })],
      ['a short account number', await send({ ...good, data: { ...good.data, account: '1000' } })],
      ['a field the contract has not', await send({ ...good, data: { ...good.data, comment: 'x' } })],
      ['a time without its zone', await send({ ...good, data: { ...good.data, paidAt: '2026-11-20T09:10:00' } })],
      ['an id with a space', await send({ ...good, id: 'evt 1' })],
      ['a period of month 13', await send(event('charges.published', { period: '2026-13' }))],
      ['a change the contract does not name', await send(event('account.changed', { account: account1, changed: ['password'] }))],
      ['nothing changed', await send(event('account.changed', { account: account1, changed: [] }))],
      ['an unknown type', await send(event('meter.replaced', { account: account1 }))],
    ];
    await both.app.pushes.kick();
    const code = (status: number, error: string) => ({ status, body: { error: { code: error, message: expect.any(String) as unknown } } });
    expect(Object.fromEntries(cases)).toEqual({
      'another secret': code(401, 'bad-signature'),
      'the signature of another body': code(401, 'bad-signature'),
      'no signature': code(401, 'bad-signature'),
      'a signature not in hex': code(401, 'bad-signature'),
      'sent 6 minutes ago': code(401, 'stale-timestamp'),
      'sent 6 minutes ahead': code(401, 'stale-timestamp'),
      'not JSON': code(400, 'bad-request'),
      'no data': code(400, 'bad-request'),
      'an amount of 0': code(400, 'bad-request'),
      'a short account number': code(400, 'bad-request'),
      'a field the contract has not': code(400, 'bad-request'),
      'a time without its zone': code(400, 'bad-request'),
      'an id with a space': code(400, 'bad-request'),
      'a period of month 13': code(400, 'bad-request'),
      'a change the contract does not name': code(400, 'bad-request'),
      'nothing changed': code(400, 'bad-request'),
      'an unknown type': code(400, 'bad-request'),
    });
    expect(both.api.messagesTo(921)).toHaveLength(sent);
    expect(await sql().count(ChatPush, {})).toBe(0);
    expect(await sql().count(BillingEvent, {})).toBe(0);
    expect(forgotten.size).toBe(0);

    // Within the five minutes either way, the same event is taken.
    expect(await send(good, { sentAt: minutes(-4.9) })).toEqual({ status: 200, body: { ok: true } });
  });

  it('a card payment made in chat is on its way until billing posts it, and only a posting of its amount settles it', async () => {
    const customer = new TelegramCustomer(both.api, 931);
    await play(customer, [...linkAccount3, { say: '/pay' }, { press: 'Другая сумма' }, { say: '1500' }]);
    const markup = both.api.messagesTo(931).at(-1)?.params['reply_markup'] as { inline_keyboard: InlineButton[][] };
    await fetch(markup.inline_keyboard[0]?.[0]?.url as string, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'card=4242424242424242',
    });
    const order = await sql().findOneOrFail(PaymentOrder, { chatId: '931' });
    expect(order).toMatchObject({ status: 'succeeded', postedAt: null });
    const onItsWay = async () => (await customer.says('/info')).some((message) => message.text.startsWith('Оплата 1 500,00 ₽ от'));
    expect(await onItsWay()).toBe(true);

    const paidAt = (order.completedAt as Date).toISOString();
    expect(await send(event('payment.posted', { account: account3, paidAt, amountKopecks: 99900, source: 'bank' }))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await onItsWay()).toBe(true);
    expect(await send(event('payment.posted', { account: account3, paidAt, amountKopecks: 150000, source: 'card' }))).toEqual({
      status: 200,
      body: { ok: true },
    });
    expect(await onItsWay()).toBe(false);
    expect(await sql().findOneOrFail(PaymentOrder, { id: order.id })).toMatchObject({ postedAt: expect.any(Date) as unknown });

    await both.app.pushes.kick();
    const told = telegramTexts(931, 0).filter((text) => text.startsWith('Платёж'));
    expect(told).toEqual([
      expect.stringMatching(/^Платёж 999,00 ₽ от .* зачислен/),
      expect.stringMatching(/^Платёж 1 500,00 ₽ от .* зачислен на лицевой счёт 100000000003\.$/),
    ]);
  });

  it('charges.published sends the monthly receipts as the operator API does, and a month not billed yet changes nothing', async () => {
    const lastBilled = shiftPeriod(billingPeriod(now, 'Europe/Moscow'), -1);
    const telegram = new TelegramCustomer(both.api, 941);
    await play(telegram, linkingScript);
    await telegram.says('/monthly');
    await telegram.presses('Присылать сюда каждый месяц');
    await play(both.channel.customer('web-941', 'en-US'), [
      { say: '/link' },
      { say: account3 },
      { press: 'Yes' },
      { press: 'I accept and consent' },
      { say: '500' },
      { say: '/monthly' },
      { press: 'Send it here every month' },
    ]);
    const [telegramBefore, webBefore] = [both.api.messagesTo(941).length, both.channel.received.length];

    expect(await send(event('charges.published', { period: billingPeriod(now, 'Europe/Moscow') }))).toEqual({ status: 200, body: { ok: true } });
    await both.app.pushes.kick();
    expect(await sql().count(ChatPush, {})).toBe(0);
    expect(routeLogs.filter((line) => line.includes('"refused":"period-not-over"'))).toHaveLength(1);

    expect(await send(event('charges.published', { period: lastBilled }))).toEqual({ status: 200, body: { ok: true } });
    await both.app.pushes.kick();
    const shown = displayPeriod(lastBilled).replace('.', '\\.');
    const document = both.api.messagesTo(941).at(-1);
    expect(document?.method).toBe('sendDocument');
    expect(telegramTexts(941, telegramBefore)).toEqual([
      expect.stringMatching(new RegExp(`^Выставлена квитанция за ${shown}\\.\\nКвитанция по счёту 100000000001`)),
    ]);
    expect(webTexts(webBefore)).toEqual([expect.stringMatching(new RegExp(`^The receipt for ${shown} has been issued\\.\\nReceipt for account 100000000003`))]);
    // The operator API's publication is the same one: nothing is queued twice.
    const operator = await both.operator('/operator/receipts/publish', { period: lastBilled });
    expect(await operator.json()).toEqual({ period: lastBilled, queued: { chats: 0, mails: 0 } });
  });

  it('answers 503 when acting fails or the ids cannot be kept, and the retry of billing acts once', async () => {
    await play(new TelegramCustomer(both.api, 951), linkAccount3);
    await play(new TelegramCustomer(both.api, 952), [...linkAccount3, { say: '/pay' }, { press: 'Другая сумма' }, { say: '1500' }]);
    const order = await sql().findOneOrFail(PaymentOrder, { chatId: '952' });
    await both.app.runtime.orders.complete(order.id, 'succeeded');
    const completed = await sql().findOneOrFail(PaymentOrder, { id: order.id });
    const posted = event('payment.posted', { account: account3, paidAt: (completed.completedAt as Date).toISOString(), amountKopecks: 150000, source: 'card' });
    const unavailable = { status: 503, body: { error: { code: 'unavailable', message: expect.any(String) as unknown } } };

    failing.firstTime = true;
    expect(await send(posted)).toEqual(unavailable);
    expect(forgotten.size).toBe(0);

    // The chats are told before the order is settled; the settling fails, and billing sends the event again.
    failing.markPosted = true;
    expect(await send(posted)).toEqual(unavailable);
    expect(await sql().count(BillingEvent, {})).toBe(0);
    expect(await sql().findOneOrFail(PaymentOrder, { id: order.id })).toMatchObject({ postedAt: null });

    expect(await send(posted)).toEqual({ status: 200, body: { ok: true } });
    expect(await send(posted)).toEqual({ status: 200, body: { ok: true, duplicate: true } });
    await both.app.pushes.kick();
    expect(await sql().findOneOrFail(PaymentOrder, { id: order.id })).toMatchObject({ postedAt: expect.any(Date) as unknown });
    expect(await sql().count(ChatPush, { messageKey: 'push-payment-posted' })).toBe(2);
    expect(telegramTexts(951, 0).filter((text) => text.startsWith('Платёж'))).toHaveLength(1);
    expect(telegramTexts(952, 0).filter((text) => text.startsWith('Платёж'))).toHaveLength(1);
    expect(Object.fromEntries(forgotten)).toEqual({ [account3]: 2 });
    expect(routeLogs.filter((line) => line.includes('billing will send it again'))).toHaveLength(2);
  });
});

describeWithPostgres('billing events and posted orders on PostgreSQL', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  const at = new Date('2026-11-20T06:00:00Z');
  const minutes = (count: number) => new Date(at.getTime() + count * 60_000);

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    orm = await initORM({ kind: 'postgresql', url: database.url });
    await seedDemoAccounts(orm, at, { timeZone: 'Europe/Moscow' });
  });
  afterAll(async () => {
    await orm.close();
    await drop();
  });

  it('keeps an id once, even sent five times at once, and takes it again once forgotten', async () => {
    const events = new SqlBillingEvents(orm);
    const firsts = await Promise.all(Array.from({ length: 5 }, () => events.firstTime('evt-pg-1', 'payment.posted', at)));
    expect(firsts.filter(Boolean)).toHaveLength(1);
    expect(await events.firstTime('evt-pg-1', 'payment.posted', at)).toBe(false);
    await events.forget('evt-pg-1');
    expect(await events.firstTime('evt-pg-1', 'payment.posted', at)).toBe(true);
  });

  it('settles the oldest paid order of the amount made before the payment, and no longer shows it on its way', async () => {
    let clock = minutes(0);
    const orders = new SqlPaymentOrders(orm, () => clock);
    const account = account1 as AccountNumber;
    const chat = { channel: 'telegram' as const, id: '4001' };
    const make = async (rubles: number, createdAt: Date) => {
      clock = createdAt;
      const id = await orders.create({ account, amount: kopecks(rubles * 100), includesEstimate: false, chat }, 'sandbox');
      await orders.complete(id, 'succeeded');
      return id;
    };
    const first = await make(1500, minutes(1));
    const second = await make(1500, minutes(2));
    const other = await make(700, minutes(3));
    const later = await make(1500, minutes(30));
    clock = minutes(40);
    const shown = async () => (await orders.succeededSince(account, minutes(0))).map((payment) => payment.amount);
    expect(await shown()).toEqual([150000, 150000, 70000, 150000]);

    expect(await orders.markPosted(account, kopecks(150000), minutes(10))).toBe(true);
    expect(await orders.markPosted(account, kopecks(150000), minutes(10))).toBe(true);
    // Every order of the amount made before then is posted: the one made later is not that payment.
    expect(await orders.markPosted(account, kopecks(150000), minutes(10))).toBe(false);
    expect(await orders.markPosted(account, kopecks(120000), minutes(50))).toBe(false);
    const posted = await orm.em.fork().find(PaymentOrder, { id: { $in: [first, second, other, later] }, postedAt: { $ne: null } });
    expect(posted.map((order) => order.id).sort()).toEqual([first, second].sort());
    expect(await shown()).toEqual([70000, 150000]);
  });
});
