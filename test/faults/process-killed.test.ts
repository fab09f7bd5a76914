import { billingPeriod } from '../../core/features/readings/meter';
import { shiftPeriod } from '../../core/kernel/period';
import { createServer, type Server, type Socket } from 'node:net';
import type { MikroORM } from '@mikro-orm/core';
import { initORM } from '../../db/orm';
import { seedDemoAccounts } from '../../db/seed';
import type { AccountNumber } from '../../core/kernel/account-number';
import { SqlMonthlyReceiptChats } from '../../db/repositories/sql-monthly-receipt-chats';
import { SqlAppeals } from '../../db/repositories/sql-appeals';
import { SqlChatIdentities } from '../../db/repositories/sql-chat-identities';
import { Account, ChatPush } from '../../db/entities';
import { appealYear } from '../../core/features/appeals/appeal';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { OwnPostgres, OwnRedis } from '../support/own-stores';
import { describeWithRedisServer } from '../support/redis';
import { exited, listeningUrl, logged, startProcess } from '../support/process';
import { WebhookCustomer, webhookEnv } from '../support/webhook-customer';
import { FakeMaxApi } from '../support/fake-max-api';
import { MaxCustomer } from '../support/max-customer';

/** The month before this one: the last the demo data has billed. */
/** The latest month billing has closed, in the supplier's time zone: the one publishing takes. */
function lastBilledPeriod(): string {
  return shiftPeriod(billingPeriod(new Date(), 'Europe/Moscow'), -1);
}

/** Accounts on Plekhanovskaya street in Voronezh, each linked to its own Telegram chat of `street`; the chats `elsewhere` linked to the accounts given. */
async function linkStreet(orm: MikroORM, street: readonly number[], elsewhere: ReadonlyMap<number, string>): Promise<void> {
  const numberOf = (index: number) => `7000000${String(index).padStart(5, '0')}`;
  await orm.em.fork().insertMany(
    Account,
    street.map((_, index) => ({
      number: numberOf(index),
      payerName: `Абонент ${index}`,
      address: `г. Воронеж, ул. Плехановская, д. ${index + 1}, кв. 1`,
      phone: null,
      email: null,
      region: 'Воронежская область',
      residents: 1,
      seasonalityFactor: 1,
      socialNormKwh: null,
      balanceKopecks: 0,
      earlierDebtKopecks: 0,
    })),
  );
  const identities = new SqlChatIdentities(orm);
  const link = (chat: number, account: string) =>
    identities.link({ channel: 'telegram', id: String(chat) }, account as AccountNumber, {
      consentAt: new Date(),
      at: new Date(),
      maxAccounts: 10,
      via: 'proof',
    });
  for (const [index, chat] of street.entries()) await link(chat, numberOf(index));
  for (const [chat, account] of elsewhere) await link(chat, account);
}

/** The supplier publishes an emergency interruption for `area`, a day ahead of whenever the test runs. */
function publishOutage(url: string, token: string, area: string): Promise<Response> {
  const from = new Date(Date.now() + 24 * 3600_000);
  return fetch(`${url}/operator/interruptions`, {
    method: 'POST',
    headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
    body: JSON.stringify({
      kind: 'emergency',
      area,
      from: from.toISOString(),
      until: new Date(from.getTime() + 6 * 3600_000).toISOString(),
      reason: 'повреждение кабеля',
    }),
  });
}

/** The bot as a process of its own, killed mid-update and started again against the same stores. */
describeWithRedisServer('faults: the process dies', () => {
  let postgres: OwnPostgres;
  let redis: OwnRedis;
  let api: FakeTelegramApi;

  beforeAll(async () => {
    [postgres, redis, api] = await Promise.all([OwnPostgres.start(), OwnRedis.start(), new FakeTelegramApi().start()]);
    const orm = await initORM({ kind: 'postgresql', url: postgres.url });
    await seedDemoAccounts(orm, new Date(), { timeZone: 'Europe/Moscow' });
    await orm.close();
  }, 60_000);
  afterAll(async () => {
    await api?.stop();
    await redis?.stop();
    await postgres?.remove();
  }, 30_000);

  const env = () => ({ PORT: '0', ...webhookEnv({ postgresUrl: postgres.url, redisUrl: redis.url }, api) });

  async function started(extra: Record<string, string> = {}) {
    const child = startProcess({ ...env(), ...extra });
    const result = exited(child);
    const ready = logged(child, 'telegram webhook set');
    const url = await listeningUrl(child);
    await ready;
    return { child, result, url };
  }

  it('SIGKILL during an update: the redelivery is answered after a restart, and the next message within the lock lease too', async () => {
    let bot = await started();
    const customer = new WebhookCustomer(api, () => bot.url, 9101);
    expect(await customer.says('/start')).toBe(200);

    // The reply to /help is on its way to Telegram when the process dies.
    const reply = api.holdNext('sendMessage');
    const help = customer.says('/help');
    await reply.arrived;
    bot.child.kill('SIGKILL');
    expect((await bot.result).signal).toBe('SIGKILL');
    expect(await help).toBe(0);

    bot = await started();
    const redelivered = await customer.redeliver();
    const next = await customer.says('/menu');
    const texts = customer.texts();
    const helpAnswers = texts.filter((text) => text.startsWith('Я умею:')).length;
    process.stdout.write(`SIGKILL mid-update: redelivered ${JSON.stringify(redelivered)}, next ${next}; /help answered ${helpAnswers} time(s), lost 0 of 3\n`);
    expect(redelivered).toEqual([200]);
    expect(next).toBe(200);
    expect(helpAnswers).toBeGreaterThanOrEqual(1);
    expect(texts.at(-1)).toBe('Что вы хотите сделать?');
    bot.child.kill('SIGTERM');
    expect((await bot.result).code).toBe(0);
  }, 90_000);

  it("SIGKILL mid-broadcast of a month's receipts: after a restart every chat has its receipt, repeats bounded by the sends in flight", async () => {
    const chats = Array.from({ length: 60 }, (_, index) => 9300 + index);
    const orm = await initORM({ kind: 'postgresql', url: postgres.url });
    const optedIn = new SqlMonthlyReceiptChats(orm);
    for (const id of chats) await optedIn.optIn({ channel: 'telegram', id: String(id) }, '100000000001' as AccountNumber, new Date());
    await orm.close();
    const operator = { OPERATOR_TOKEN: 'operator-token-0123456789abcdef' };
    const documents = () => api.calls.filter((call) => call.method === 'sendDocument' && chats.includes(Number(call.params['chat_id'])));

    let bot = await started(operator);
    api.delayNext('sendDocument', 300, chats.length);
    const published = await fetch(`${bot.url}/operator/receipts/publish`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator.OPERATOR_TOKEN}`, 'content-type': 'application/json' },
      body: JSON.stringify({ period: lastBilledPeriod() }),
    });
    expect(await published.json()).toMatchObject({ queued: { chats: chats.length } });
    while (documents().length < 10) await api.nextCall();
    bot.child.kill('SIGKILL');
    await bot.result;
    const beforeRestart = documents().length;

    bot = await started(operator);
    while (new Set(documents().map((call) => call.params['chat_id'])).size < chats.length) await api.nextCall();
    const perChat = chats.map((id) => documents().filter((call) => call.params['chat_id'] === id).length);
    const lost = perChat.filter((count) => count === 0).length;
    const repeated = perChat.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
    process.stdout.write(
      `SIGKILL mid-broadcast: ${beforeRestart} of ${chats.length} sent before the kill; after the restart lost ${lost}, sent twice ${repeated} (in flight at most 40)\n`,
    );
    expect(lost).toBe(0);
    expect(repeated).toBeLessThanOrEqual(40);
    bot.child.kill('SIGTERM');
    expect((await bot.result).code).toBe(0);
  }, 120_000);

  it('SIGKILL mid-broadcast of an interruption: after a restart every chat on the street has the notice, those elsewhere none', async () => {
    const street = Array.from({ length: 100 }, (_, index) => 9500 + index);
    // Demo accounts: 1 is in Voronezh too (Kol'tsovskaya street), 2 and 3 in other towns.
    const elsewhere = new Map([
      [9700, '100000000001'],
      [9701, '100000000002'],
      [9702, '100000000003'],
    ]);
    const orm = await initORM({ kind: 'postgresql', url: postgres.url });
    await linkStreet(orm, street, elsewhere);
    const operator = { OPERATOR_TOKEN: 'operator-token-0123456789abcdef' };
    const sent = (chats: readonly number[]) => api.calls.filter((call) => call.method === 'sendMessage' && chats.includes(Number(call.params['chat_id'])));
    const notices = () => sent(street);
    // What the bot has still to send is in the outbox: once none is left, no notice can come a second time later.
    const unsent = () => orm.em.fork().count(ChatPush, { channel: 'telegram', chatId: { $in: street.map(String) }, sentAt: null, gaveUpAt: null });

    try {
      let bot = await started(operator);
      api.delayNext('sendMessage', 300, street.length);
      expect((await publishOutage(bot.url, operator.OPERATOR_TOKEN, 'г. Воронеж, ул. Плехановская')).status).toBe(201);
      while (notices().length < 10) await api.nextCall();
      bot.child.kill('SIGKILL');
      const heardBeforeKill = new Set(notices().map((call) => call.params['chat_id']));
      await bot.result;
      const beforeRestart = notices().length;

      bot = await started(operator);
      while (new Set(notices().map((call) => call.params['chat_id'])).size < street.length) await api.nextCall();
      // Every chat has its notice; one sent again (claimed before the kill) would come with what is still unsent.
      while ((await unsent()) > 0) await Promise.race([api.nextCall(), new Promise((resolve) => setTimeout(resolve, 250))]);
      const perChat = street.map((id) => notices().filter((call) => call.params['chat_id'] === id).length);
      const lost = perChat.filter((count) => count === 0).length;
      const repeated = perChat.reduce((sum, count) => sum + Math.max(0, count - 1), 0);
      const toElsewhere = sent([...elsewhere.keys()]).length;
      const repeatedUnheard = street.filter((id, index) => (perChat[index] ?? 0) > 1 && !heardBeforeKill.has(id)).length;
      process.stdout.write(
        `SIGKILL mid-broadcast of an interruption: ${beforeRestart} of ${street.length} sent before the kill; after the restart lost ${lost}, sent twice ${repeated} (in flight at most 40; of chats not heard from before the kill ${repeatedUnheard}), to chats elsewhere ${toElsewhere}\n`,
      );
      expect(beforeRestart).toBeLessThan(street.length);
      expect(lost).toBe(0);
      expect(repeated).toBeLessThanOrEqual(40);
      expect(toElsewhere).toBe(0);
      expect(notices().every((call) => String(call.params['text']).includes('ул. Плехановская'))).toBe(true);
      bot.child.kill('SIGTERM');
      expect((await bot.result).code).toBe(0);
    } finally {
      await orm.close();
    }
  }, 180_000);

  it("SIGKILL between an operator's answer and its delivery: after a restart the answer reaches the chat", async () => {
    const orm = await initORM({ kind: 'postgresql', url: postgres.url });
    const appeal = await new SqlAppeals(orm).file({
      draft: {
        appellant: { kind: 'non-customer', locality: 'г. Липецк', address: 'ул. Ленина, 5' },
        topic: 'other',
        name: 'Олег',
        email: 'oleg@mail.ru',
        phone: null,
        message: 'Когда дадут свет на нашей улице?',
        attachments: [],
      },
      chat: { channel: 'telegram', id: '9401' },
      locale: 'ru',
      at: new Date(),
      year: appealYear(new Date(), 'Europe/Moscow'),
    });
    await orm.close();
    const operator = { OPERATOR_TOKEN: 'operator-token-0123456789abcdef' };
    const answers = () =>
      api.calls.filter((call) => call.method === 'sendMessage' && call.params['chat_id'] === 9401 && String(call.params['text']).includes('Сегодня к 21:00'));
    const documents = () => api.calls.filter((call) => call.method === 'sendDocument' && call.params['chat_id'] === 9401);

    let bot = await started(operator);
    const delivery = api.holdNext('sendMessage');
    // The answer comes with a file: it is in PostgreSQL before the answer is, so the restart has it too.
    const form = new FormData();
    form.set('text', 'Сегодня к 21:00.');
    form.set('key', 'crm-answer-1');
    form.append('files', new Blob([Buffer.from('%PDF-1.4\n%%EOF\n')]), 'График.pdf');
    const answered = await fetch(`${bot.url}/operator/appeals/${encodeURIComponent(appeal.number)}/replies`, {
      method: 'POST',
      headers: { authorization: `Bearer ${operator.OPERATOR_TOKEN}` },
      body: form,
    });
    expect(answered.status).toBe(201);
    await delivery.arrived;
    bot.child.kill('SIGKILL');
    await bot.result;
    // The answer in flight died with the process: Telegram never answered it.
    await delivery.abandoned;
    const beforeRestart = answers().length;

    bot = await started(operator);
    while (documents().length === 0) await api.nextCall();
    process.stdout.write(
      `SIGKILL between an answer and its delivery: delivered before the kill ${beforeRestart}, after the restart ${answers().length} with ${documents().length} file; lost 0\n`,
    );
    expect(beforeRestart).toBe(0);
    expect(answers()).toHaveLength(1);
    expect(documents().map((call) => call.file?.name)).toEqual(['График.pdf']);
    bot.child.kill('SIGTERM');
    expect((await bot.result).code).toBe(0);
  }, 150_000);

  it('SIGTERM while the Telegram API takes connections and never answers: the process exits without waiting for the answers', async () => {
    const sockets = new Set<Socket>();
    const blackhole: Server = createServer((socket) => sockets.add(socket));
    await new Promise<void>((resolve) => blackhole.listen(0, '127.0.0.1', resolve));
    const address = blackhole.address();
    const port = typeof address === 'object' && address ? address.port : 0;
    try {
      const child = startProcess({
        PORT: '0',
        DATABASE_URL: postgres.url,
        PAYMENTS_PROVIDER: 'sandbox',
        REDIS_URL: redis.url,
        TELEGRAM_BOT_TOKEN: api.token,
        TELEGRAM_API_ROOT: `http://127.0.0.1:${port}`,
      });
      const result = exited(child);
      const url = await listeningUrl(child);
      // The web chat serves while Telegram hangs.
      expect((await fetch(`${url}/health`)).status).toBe(200);
      // Telegram has taken the bot's calls and holds them: the stop must not wait for their answers.
      while (sockets.size === 0) await new Promise((resolve) => blackhole.once('connection', resolve));
      child.kill('SIGTERM');
      const { code } = await result;
      process.stdout.write(`SIGTERM with Telegram unreachable: exit code ${code} with ${sockets.size} call(s) still unanswered\n`);
      expect(code).toBe(0);
    } finally {
      for (const socket of sockets) socket.destroy();
      blackhole.close();
    }
  }, 60_000);

  it('SIGKILL during a MAX update by long polling: the update, never confirmed, is handled after a restart, and once', async () => {
    const max = await new FakeMaxApi().start();
    const startedWithMax = async () => {
      const child = startProcess({
        PORT: '0',
        DATABASE_URL: postgres.url,
        REDIS_URL: redis.url,
        PAYMENTS_PROVIDER: 'sandbox',
        MAX_BOT_TOKEN: max.token,
        MAX_API_ROOT: max.apiRoot,
      });
      const result = exited(child);
      const ready = logged(child, 'MAX long polling');
      await listeningUrl(child);
      await ready;
      return { child, result };
    };
    try {
      let bot = await startedWithMax();
      const customer = new MaxCustomer(max, 9150);
      expect((await customer.says('/menu')).map((message) => message.text)).toEqual(['Что вы хотите сделать?']);

      // The reply to /help is on its way to MAX when the process dies: the marker past it was never sent.
      const reply = max.holdNext('POST /messages');
      max.customerTypes(9150, '/help');
      await reply.arrived;
      bot.child.kill('SIGKILL');
      expect((await bot.result).signal).toBe('SIGKILL');

      bot = await startedWithMax();
      const help = await customer.replies();
      const next = await customer.says('/menu');
      const helpAnswers = max.messagesTo(9150).filter((message) => message.text.startsWith('Я умею:')).length;
      process.stdout.write(
        `MAX SIGKILL mid-update: /help answered ${helpAnswers} time(s) after the restart; dropped for want of a marker ${max.lostWithoutMarker}\n`,
      );
      expect(help[0]?.text).toMatch(/^Я умею:/);
      expect(helpAnswers).toBe(1);
      // The marker was kept: the restart's first poll carried it, and MAX dropped nothing.
      expect(max.lostWithoutMarker).toBe(0);
      expect(next.map((message) => message.text)).toEqual(['Что вы хотите сделать?']);
      bot.child.kill('SIGTERM');
      expect((await bot.result).code).toBe(0);
    } finally {
      await max.stop();
    }
  }, 90_000);
});
