/**
 * `npm run bench`: many concurrent customers link an account and look at it, through each
 * adapter in process, on the embedded default and on PostgreSQL + Redis, beside a bare grammY
 * handler that only replies (the ceiling). Prints updates/s, p50/p99 per update, peak memory.
 */
import { performance } from 'node:perf_hooks';
import { BotAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import { Client } from 'pg';
import { Redis } from 'ioredis';
import { EnergobotActivityHandler } from '../../bots/botframework/energobot-activity-handler';
import { menuButton } from '../../bots/botframework/menu-button';
import { createConfig } from '../../bots/app/config';
import { createLog } from '../../bots/app/log';
import { createRuntime, type Runtime } from '../../bots/app/runtime';
import { createTelegramBot } from '../../bots/telegram/telegram-bot';
import { seedDemoAccounts } from '../../db/seed';
import { benchBroadcast, benchReceipts } from './receipts';

const customers = Number(process.env['BENCH_CUSTOMERS'] ?? 300);
const concurrency = Number(process.env['BENCH_CONCURRENCY'] ?? 50);
const botInfo = {
  id: 1,
  is_bot: true,
  first_name: 'energobot',
  username: 'energobot_bench_bot',
  can_join_groups: false,
  can_read_all_group_messages: false,
  supports_inline_queries: false,
  can_connect_to_business: false,
  has_main_web_app: false,
} as UserFromGetMe;

type Step = { text: string } | { data: string };
/** One customer: greeting, linking demo account 1, then its information: 7 updates. */
const linking: Step[] = [
  { text: '/start' },
  { data: 'go:link' },
  { text: '1000 0000 0001' },
  { data: 'ch:yes' },
  { data: 'ch:agree' },
  { text: '1543,20' },
  { data: 'go:info' },
];
/** One customer linking the day/night demo account 2 and sending both zones' readings: 11 updates. */
const readings: Step[] = [
  { text: '/start' },
  { data: 'go:link' },
  { text: '100000000002' },
  { data: 'ch:yes' },
  { data: 'ch:agree' },
  { text: '2187,45' },
  { data: 'go:readings' },
  { text: '44400' },
  { text: '18890' },
  { data: 'ch:send' },
  { data: 'ch:skip' },
];

/** The Bot API answered instantly, without a network: what is measured is energobot. */
const fakeBotApi: typeof fetch = async () =>
  new Response(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' } }), {
    headers: { 'content-type': 'application/json' },
  });

class CaptureAdapter extends BotAdapter {
  sent = 0;
  async sendActivities(_context: TurnContext, activities: Partial<Activity>[]): Promise<ResourceResponse[]> {
    this.sent += activities.length;
    return activities.map((_, index) => ({ id: String(index) }));
  }
  async updateActivity(): Promise<void> {}
  async deleteActivity(): Promise<void> {}
  async continueConversation(): Promise<void> {}
}

type Deliver = (customer: number, step: Step, updateId: number) => Promise<void>;

function telegramDelivery(bot: Bot): Deliver {
  return (customer, step, updateId) => {
    const chat = { id: 10_000 + customer, type: 'private' as const, first_name: 'К' };
    const from = { id: chat.id, is_bot: false, first_name: 'К' };
    const update: Update =
      'text' in step
        ? { update_id: updateId, message: { message_id: updateId, date: 0, chat, from, text: step.text } }
        : {
            update_id: updateId,
            callback_query: { id: String(updateId), from, chat_instance: '1', data: step.data, message: { message_id: 1, date: 0, chat, text: '…', from: { ...from, is_bot: true } } as never },
          };
    return bot.handleUpdate(update);
  };
}

function botFrameworkDelivery(handler: EnergobotActivityHandler): Deliver {
  const adapter = new CaptureAdapter();
  return (customer, step, updateId) => {
    const activity: Partial<Activity> = {
      type: 'message',
      id: `a${updateId}`,
      channelId: 'webchat',
      from: { id: `user-${customer}`, name: 'К' },
      recipient: { id: 'bot', name: 'energobot' },
      conversation: { id: `c-${customer}`, isGroup: false, conversationType: 'personal', name: '' },
      serviceUrl: 'http://127.0.0.1:1/',
      ...('text' in step ? { text: step.text } : { text: '', value: { data: step.data } }),
    };
    return handler.onTurn(new TurnContext(adapter, activity));
  };
}

interface Result {
  readonly name: string;
  readonly updates: number;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly peakRssMb: number;
}

/** Customers `firstCustomer`… are new chats, so each scenario starts from its own greeting. */
async function measure(name: string, deliver: Deliver, steps: Step[], firstUpdateId: number, firstCustomer: number): Promise<Result> {
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  let next = 0;
  let updateId = firstUpdateId;
  const started = performance.now();
  const worker = async () => {
    while (next < customers) {
      const customer = firstCustomer + next++;
      for (const step of steps) {
        const at = performance.now();
        await deliver(customer, step, updateId++);
        latencies.push(performance.now() - at);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))] as number;
  return { name, updates: latencies.length, perSecond: latencies.length / seconds, p50: at(0.5), p99: at(0.99), peakRssMb: peakRss / 2 ** 20 };
}

async function postgresAndRedis(): Promise<{ databaseUrl: string; redisUrl: string } | null> {
  const adminUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  try {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    await client.query('drop database if exists energobot_bench with (force)');
    await client.query('create database energobot_bench');
    await client.end();
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis.connect();
    await redis.quit();
  } catch (error) {
    console.log(`PostgreSQL + Redis skipped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const url = new URL(adminUrl);
  url.pathname = '/energobot_bench';
  return { databaseUrl: url.toString(), redisUrl };
}

async function scenarios(label: string, runtime: Runtime, results: Result[]): Promise<void> {
  await seedDemoAccounts(runtime.orm, new Date());
  const telegram = createTelegramBot({ token: '1:bench', runner: runtime.runner, files: runtime.files, botInfo, fetch: fakeBotApi });
  const handler = new EnergobotActivityHandler(runtime.runner, (token) => `http://127.0.0.1/files/${token}`, runtime.identities, (locale) => menuButton(runtime.localizer, locale));
  results.push(await measure(`telegram linking, ${label}`, telegramDelivery(telegram), linking, 1, 0));
  results.push(await measure(`botframework linking, ${label}`, botFrameworkDelivery(handler), linking, 10_000_000, 0));
  results.push(await measure(`telegram readings, ${label}`, telegramDelivery(telegram), readings, 20_000_000, 100_000));
  results.push(await measure(`botframework readings, ${label}`, botFrameworkDelivery(handler), readings, 30_000_000, 100_000));
}

async function main(): Promise<void> {
  const results: Result[] = [];
  const log = createLog('error');

  const bare = new Bot('1:bench', { botInfo, client: { fetch: fakeBotApi as never } });
  bare.on('message', (ctx) => ctx.reply('ok'));
  results.push(await measure('bare grammY reply (ceiling)', telegramDelivery(bare), linking.filter((step) => 'text' in step), 1, 0));

  const embedded = await createRuntime(createConfig({ SQLITE_PATH: ':memory:' }), log);
  await scenarios('SQLite + memory', embedded, results);
  const receiptLines = await benchReceipts(embedded);
  await embedded.close();
  receiptLines.push(...(await benchBroadcast()));

  const services = await postgresAndRedis();
  if (services) {
    const production = await createRuntime(createConfig({ DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, PAYMENTS_PROVIDER: 'sandbox' }), log);
    await production.redis?.flushdb();
    await scenarios('PostgreSQL + Redis', production, results);
    await production.close();
  }

  console.log(`\n${customers} customers per scenario, ${concurrency} at a time; linking: ${linking.length} updates each, readings: ${readings.length}\n`);
  console.log('scenario'.padEnd(44), 'updates'.padStart(8), 'updates/s'.padStart(10), 'p50 ms'.padStart(8), 'p99 ms'.padStart(8), 'peak RSS MB'.padStart(12));
  for (const r of results) {
    console.log(r.name.padEnd(44), String(r.updates).padStart(8), r.perSecond.toFixed(0).padStart(10), r.p50.toFixed(2).padStart(8), r.p99.toFixed(2).padStart(8), r.peakRssMb.toFixed(0).padStart(12));
  }
  console.log('\nreceipts');
  for (const line of receiptLines) console.log(`  ${line}`);
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
