/**
 * `npm run soak`: many customers talk to the bot through Telegram's webhook for a few minutes
 * while its Redis is killed and its PostgreSQL stopped, at random, and come back. Each update the
 * webhook refuses is delivered again, as Telegram does. Prints what was lost or done twice:
 * updates never answered, e-mails a flow queued twice, pushes never or twice delivered.
 *
 * SOAK_SECONDS (default 120) and SOAK_CUSTOMERS (default 40) size the run. It starts its own
 * PostgreSQL and redis-server and touches no other.
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { startApp } from '../../bots/app/app';
import { createConfig } from '../../bots/app/config';
import { createLog } from '../../core/kernel/log';
import { text } from '../../core/kernel/text';
import { ChatPush, QueuedMail } from '../../db/entities';
import { seedDemoAccounts } from '../../db/seed';
import { demoZones } from '../support/demo-meter';
import { FakeTelegramApi } from '../support/fake-telegram-api';
import { OwnPostgres, OwnRedis } from '../support/own-stores';
import { WebhookCustomer, webhookEnv } from '../support/webhook-customer';

const seconds = Number(process.env['SOAK_SECONDS'] ?? 120);
const customers = Number(process.env['SOAK_CUSTOMERS'] ?? 40);
const sleep = (ms: number) => new Promise((resolve) => setTimeout(resolve, ms));
const accounts = [
  { number: '100000000001', amount: '1543,20' },
  { number: '100000000002', amount: '2187,45' },
] as const;

async function main(): Promise<void> {
  const [postgres, redis, api] = await Promise.all([OwnPostgres.start(), OwnRedis.start(), new FakeTelegramApi().start()]);
  const dir = mkdtempSync(join(tmpdir(), 'energobot-soak-'));
  const config = createConfig({
    PORT: '0',
    ...webhookEnv({ postgresUrl: postgres.url, redisUrl: redis.url }, api),
    MAIL_OUTBOX_DIR: join(dir, 'outbox'),
    LOG_LEVEL: 'error',
  });
  const app = await startApp(
    config,
    createLog('error', () => undefined),
  );
  await app.telegramReady;
  await seedDemoAccounts(app.runtime.orm, new Date(), { timeZone: 'Europe/Moscow' });
  const readings = new Map(
    await Promise.all(accounts.map(async ({ number }) => [number, (await demoZones(app.runtime.orm, number)).map((zone) => String(zone.next))] as const)),
  );

  const deadline = Date.now() + seconds * 1000;
  let outages = 0;
  let attempts = 0;
  const chaos = (async () => {
    while (Date.now() < deadline - 15_000) {
      await sleep(5_000 + Math.random() * 10_000);
      outages += 1;
      if (Math.random() < 0.5) {
        await redis.kill();
        await sleep(1_000 + Math.random() * 4_000);
        await redis.start();
      } else {
        await postgres.stop();
        await sleep(1_000 + Math.random() * 4_000);
        await postgres.start();
      }
    }
  })();

  /** Telegram's side: an update not answered 200 is delivered again a little later, until it is. */
  const deliver = async (customer: WebhookCustomer, update: () => Promise<number>) => {
    attempts += 1;
    if ((await update()) === 200) return;
    while ((await customer.redeliver()).some((status) => status !== 200)) {
      attempts += 1;
      await sleep(1_000);
    }
  };

  const runs = Array.from({ length: customers }, async (_, index) => {
    const account = accounts[index % accounts.length] as (typeof accounts)[number];
    const customer = new WebhookCustomer(api, () => app.url, 50_000 + index);
    const steps: (() => Promise<number>)[] = [
      () => customer.says('/start'),
      () => customer.says('/link'),
      () => customer.says(account.number),
      () => customer.presses('Да'),
      () => customer.presses('Принимаю и согласен'),
      () => customer.says(account.amount),
      () => customer.says('/readings'),
      ...(readings.get(account.number) ?? []).map((value) => () => customer.says(value)),
      () => customer.presses('Передать'),
      () => customer.presses('Да, отправить'),
      () => customer.says('/info'),
    ];
    for (const step of steps) {
      await deliver(customer, step);
      await sleep(Math.random() * 500);
    }
    await app.runtime.pushes.enqueue([
      { chat: { channel: 'telegram', id: String(customer.chatId) }, message: text('push-readings-accepted', { account: account.number, period: 'soak' }) },
    ]);
    return customer;
  });
  const finished = await Promise.all(runs);
  await chaos;

  // Every store is up now: the outbox gets its last chances.
  for (let round = 0; round < 10; round += 1) {
    await app.runtime.orm.em.fork().nativeUpdate(ChatPush, { sentAt: null, gaveUpAt: null }, { nextAttemptAt: new Date(0) });
    await app.pushes.kick();
    if ((await app.runtime.orm.em.fork().count(ChatPush, { sentAt: null })) === 0) break;
    await sleep(1_000);
  }

  const em = app.runtime.orm.em.fork();
  const linkMails = await em.count(QueuedMail, { subject: { $like: '%привязан к чату' } });
  const readingMails = await em.count(QueuedMail, { subject: { $like: 'Показания по лицевому счёту % приняты' } });
  const pushText = (customer: WebhookCustomer) => customer.texts().filter((line) => line.endsWith('за soak учтены при расчёте ✅')).length;
  const lostUpdates = finished.filter(
    (customer) => !customer.texts().some((line) => line.startsWith('Лицевой счёт 1000000000') && line.includes('(демонстрационный)')),
  ).length;
  const lostPushes = finished.filter((customer) => pushText(customer) === 0).length;
  const doublePushes = finished.filter((customer) => pushText(customer) > 1).length;
  const doubleEffects = Math.max(0, linkMails - customers) + Math.max(0, readingMails - customers);
  const missingEffects = Math.max(0, customers - linkMails) + Math.max(0, customers - readingMails);

  await app.stop();
  await api.stop();
  await redis.stop();
  await postgres.remove();
  rmSync(dir, { recursive: true, force: true });

  console.log(`soak: ${customers} customers for ${seconds} s, ${outages} outages (Redis killed or PostgreSQL stopped), ${attempts} deliveries`);
  console.log(`lost updates: ${lostUpdates + missingEffects}`);
  console.log(`double effects: ${doubleEffects}`);
  console.log(`lost pushes: ${lostPushes}`);
  console.log(`duplicated pushes: ${doublePushes}`);
  if (lostUpdates + missingEffects + doubleEffects + lostPushes > 0) process.exitCode = 1;
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
