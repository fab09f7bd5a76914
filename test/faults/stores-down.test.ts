import { seedDemoAccounts } from '../../db/seed';
import { demoZones } from '../support/demo-meter';
import { AccountLink, MeterReading, QueuedMail } from '../../db/entities';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { OwnPostgres, OwnRedis } from '../support/own-stores';
import { describeWithRedisServer } from '../support/redis';
import { startTestApp, type TestApp } from '../support/test-app';
import { WebhookCustomer, webhookEnv } from '../support/webhook-customer';

const unavailable = 'Сейчас не получается обработать сообщение. Оно сохранено: я отвечу, как только смогу, — или попробуйте ещё раз через несколько минут.';

/**
 * PostgreSQL and Redis of this suite's own, killed and stopped while customers talk through
 * Telegram's webhook. Nothing may be lost: every update the webhook refused is answered once it
 * is delivered again, and no effect happens twice.
 */
describeWithRedisServer('faults: the stores go down under a conversation', () => {
  let postgres: OwnPostgres;
  let redis: OwnRedis;
  let api: FakeTelegramApi;
  let app: TestApp;

  beforeAll(async () => {
    [postgres, redis, api] = await Promise.all([OwnPostgres.start(), OwnRedis.start(), new FakeTelegramApi().start()]);
    app = await startTestApp(webhookEnv({ postgresUrl: postgres.url, redisUrl: redis.url }, api));
    await seedDemoAccounts(app.runtime.orm, new Date(), { timeZone: 'Europe/Moscow' });
  }, 60_000);
  afterAll(async () => {
    await app?.close();
    await api?.stop();
    await redis?.stop();
    await postgres?.remove();
  }, 30_000);

  async function linkedUpTo(customer: WebhookCustomer, account: string, amount: string): Promise<void> {
    for (const step of ['/link', account]) expect(await customer.says(step)).toBe(200);
    expect(await customer.presses('Да')).toBe(200);
    expect(await customer.presses('Принимаю и согласен')).toBe(200);
    expect(await customer.says(amount)).toBe(200);
  }

  it('Redis killed mid-conversation: the webhook answers 5xx, the redelivered updates are answered once Redis is back, no double effect', async () => {
    const customer = new WebhookCustomer(api, () => app.url, 9001);
    for (const step of ['/link', '100000000001']) expect(await customer.says(step)).toBe(200);
    expect(await customer.presses('Да')).toBe(200);
    expect(await customer.presses('Принимаю и согласен')).toBe(200);

    await redis.kill();
    const whileDown = [await customer.says('1543,20'), await customer.says('/info')];
    await redis.start();
    const afterwards = await customer.redeliver();

    const links = await app.runtime.orm.em.fork().count(AccountLink, { account: '100000000001' });
    const notices = await app.runtime.orm.em.fork().count(QueuedMail, { subject: 'Лицевой счёт 100000000001 привязан к чату' });
    const texts = customer.texts();
    const lost = afterwards.filter((status) => status !== 200).length + (texts.some((text) => text.startsWith('Готово! Лицевой счёт 100000000001')) ? 0 : 1);
    process.stdout.write(
      `Redis killed: webhook while down ${JSON.stringify(whileDown)}, redelivered ${JSON.stringify(afterwards)}; lost updates ${lost}, double effects ${links - 1 + notices - 1}\n`,
    );
    expect(whileDown.every((status) => status >= 500)).toBe(true);
    expect(afterwards).toEqual([200, 200]);
    expect(lost).toBe(0);
    expect([links, notices]).toEqual([1, 1]);
    expect(texts.filter((text) => text === unavailable)).toHaveLength(1);
    expect(texts.at(-1)).toBe('Лицевой счёт 100000000001. Что вы хотите сделать?');
  }, 60_000);

  it('PostgreSQL stopped mid-conversation: the webhook answers 5xx, the redelivered update is answered once it is back, the reading is saved once', async () => {
    const customer = new WebhookCustomer(api, () => app.url, 9002);
    await linkedUpTo(customer, '100000000002', '2187,45');
    const [day, night] = (await demoZones(app.runtime.orm, '100000000002')).map((zone) => zone.next);
    expect(await customer.says('/readings')).toBe(200);
    expect(await customer.says(String(day))).toBe(200);
    expect(await customer.says(String(night))).toBe(200);

    await postgres.stop();
    const whileDown = await customer.presses('Передать');
    const probe = (path: string) =>
      fetch(`${app.url}${path}`).then(async (response) => ({ status: response.status, body: (await response.json()) as unknown }));
    const [health, ready] = [await probe('/health'), await probe('/ready')];
    await postgres.start();
    const afterwards = await customer.redeliver();

    const saved = await app.runtime.orm.em
      .fork()
      .find(MeterReading, { channel: 'telegram', accepted: false, value: { $in: [day as number, night as number] } });
    const lost = afterwards.filter((status) => status !== 200).length;
    process.stdout.write(
      `PostgreSQL stopped: webhook while down ${whileDown}, /health ${JSON.stringify(health)}, redelivered ${JSON.stringify(afterwards)}; lost updates ${lost}, readings saved ${saved.length} of 2\n`,
    );
    expect(whileDown).toBeGreaterThanOrEqual(500);
    // Alive (nothing to restart), but not ready for customers.
    expect(health).toEqual({ status: 200, body: { status: 'degraded', database: 'down', redis: 'ok' } });
    expect(ready).toEqual({ status: 503, body: { ready: false, draining: false, database: 'down', redis: 'ok' } });
    expect(lost).toBe(0);
    expect(saved.map((reading) => reading.value).sort()).toEqual([day, night].sort());
    expect(customer.texts().some((text) => /^Показания приняты \d/.test(text))).toBe(true);
  }, 60_000);
});
