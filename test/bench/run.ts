/**
 * `npm run bench`: many concurrent customers link accounts of their own and look at them, or send readings,
 * through each adapter in process, on the embedded default and on PostgreSQL + Redis (a private
 * database and a key prefix of its own: nothing of the user's is touched), each for 5 s or more,
 * beside a bare grammY handler that only replies (the ceiling, with as many updates); an open-loop
 * run at 300 updates/s; the saved state per chat; the heap after two identical runs; the outside
 * calls each scenario makes per update, and those calls alone without energobot (its floor).
 * Figures are printed, never asserted.
 */
import { AsyncLocalStorage } from 'node:async_hooks';
import { performance } from 'node:perf_hooks';
import { BotAdapter, TurnContext, type Activity, type ResourceResponse } from 'botbuilder';
import { Bot } from 'grammy';
import type { Update, UserFromGetMe } from 'grammy/types';
import pg, { Client, Pool } from 'pg';
import { Redis } from 'ioredis';
import { EnergobotActivityHandler } from '../../bots/channels/botframework/energobot-activity-handler';
import { createConfig } from '../../bots/app/config';
import { createLog } from '../../core/kernel/log';
import { compose, type Runtime } from '../../bots/app/compose';
import { createTelegramBot } from '../../bots/channels/telegram/telegram-bot';
import { demoAccounts, type DemoAccount } from '../../db/demo-accounts';
import { demoHistory } from '../../db/demo-history';
import { demoReadings } from '../../db/demo-readings';
import { seedDemoAccounts } from '../../db/seed';
import { benchImport } from './import';
import { benchInterruptionBroadcast } from './interruptions';
import { benchBroadcast, benchReceipts } from './receipts';

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

/** What a customer sends: a text (some depend on who sends it: their own account's number), or a button's data. */
type Step = { text: string | ((customer: number) => string) } | { data: string };

/**
 * Accounts like the demo ones, as many as customers at a time and more: two customers in flight
 * never prove the same account (a proof in flight counts against its account, as a stranger's would).
 */
const accountsPerKind = concurrency * 4;
const singleZone = demoAccounts[0] as DemoAccount;
const dayNight = demoAccounts[1] as DemoAccount;
const benchAccount = (template: DemoAccount, kind: number, index: number): DemoAccount => ({
  ...template,
  number: `3${kind}${String(index).padStart(10, '0')}`,
  meter: { ...template.meter, serialNumber: `${template.meter.serialNumber}-${index}` },
});
const accountOf = (template: DemoAccount, kind: number) => (customer: number) => benchAccount(template, kind, customer % accountsPerKind).number;
/** The bench's demo history is as of its start; what its customers type is worked out from it. */
const seededAt = new Date();
const timeZone = 'Europe/Moscow';
const nextReadings = new Map<string, string[]>();
/** A zone's next reading for the customer's account: 84 kWh past its last accepted one. */
const nextReadingOf = (template: DemoAccount, kind: number, zoneIndex: number) => (customer: number) => {
  const account = benchAccount(template, kind, customer % accountsPerKind);
  let next = nextReadings.get(account.number);
  if (!next) {
    const seeded = demoReadings(account, demoHistory(account, seededAt, timeZone).charges);
    next = account.meter.zones.map((zone) => String((seeded.filter((reading) => reading.zone === zone).at(-1)?.value ?? 0) + 84));
    nextReadings.set(account.number, next);
  }
  return next[zoneIndex] as string;
};
const benchAccounts = Array.from({ length: accountsPerKind }, (_, index) => [benchAccount(singleZone, 1, index), benchAccount(dayNight, 2, index)]).flat();

/**
 * One customer: greeting, linking an account like demo account 1, then its information: 7 updates.
 * Answers to the bot's questions are typed as the buttons' labels, which counts as pressing them:
 * every step reaches the flow (a stale button's data would only get «question closed»).
 */
const linking: Step[] = [
  { text: '/start' },
  { data: 'go:link' },
  { text: accountOf(singleZone, 1) },
  { text: 'Да' },
  { text: 'Принимаю и согласен' },
  { text: '1543,20' },
  { data: 'go:info' },
];
/** One customer linking an account like the day/night demo account 2 and sending both zones' readings: 11 updates. */
const readings: Step[] = [
  { text: '/start' },
  { data: 'go:link' },
  { text: accountOf(dayNight, 2) },
  { text: 'Да' },
  { text: 'Принимаю и согласен' },
  { text: '2187,45' },
  { data: 'go:readings' },
  { text: nextReadingOf(dayNight, 2, 0) },
  { text: nextReadingOf(dayNight, 2, 1) },
  { text: 'Передать' },
  { text: 'Не нужно' },
];

const scenarioSteps = { linking, readings };
const floorOf = (kind: keyof typeof scenarioSteps) => `its I/O alone (floor of telegram ${kind}, PG + Redis)`;

/**
 * Entering an AsyncLocalStorage once makes Node track every promise of the process from then on
 * (a third of the throughput here, the bare handler's included): counted, and printed.
 */
let storageEntries = 0;
for (const method of ['run', 'enterWith'] as const) {
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped, and applied to each storage's own `this` below.
  const original = AsyncLocalStorage.prototype[method] as (...args: unknown[]) => unknown;
  Object.defineProperty(AsyncLocalStorage.prototype, method, {
    value(this: AsyncLocalStorage<unknown>, ...args: unknown[]) {
      storageEntries += 1;
      return original.apply(this, args);
    },
  });
}

/**
 * What a scenario asks of the world outside the process, counted where it leaves: Bot API calls,
 * SQL statements (knex loads this `pg`, and the plain queries use knex's connections), Redis commands.
 */
const io = { botApiCalls: 0, sqlStatements: 0, redisCommands: 0 };
type Io = typeof io;
const counting = <T extends object>(prototype: T, method: keyof T & string, counter: keyof Io) => {
  const original = prototype[method] as (...args: unknown[]) => unknown;
  Object.defineProperty(prototype, method, {
    value(this: T, ...args: unknown[]) {
      io[counter] += 1;
      return original.apply(this, args);
    },
  });
};
counting(pg.Client.prototype, 'query', 'sqlStatements');
counting(Redis.prototype, 'sendCommand', 'redisCommands');

/** The Bot API answered instantly, without a network: what is measured is energobot. */
const fakeBotApi: typeof fetch = async () => {
  io.botApiCalls += 1;
  return new Response(JSON.stringify({ ok: true, result: { message_id: 1, date: 0, chat: { id: 1, type: 'private' }, text: '' } }), {
    headers: { 'content-type': 'application/json' },
  });
};

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

const typed = (step: { text: string | ((customer: number) => string) }, customer: number) => (typeof step.text === 'string' ? step.text : step.text(customer));

type Deliver = (customer: number, step: Step, updateId: number) => Promise<void>;

function telegramDelivery(bot: Bot): Deliver {
  return (customer, step, updateId) => {
    const chat = { id: 10_000 + customer, type: 'private' as const, first_name: 'К' };
    const from = { id: chat.id, is_bot: false, first_name: 'К' };
    const update: Update =
      'text' in step
        ? { update_id: updateId, message: { message_id: updateId, date: 0, chat, from, text: typed(step, customer) } }
        : {
            update_id: updateId,
            callback_query: {
              id: String(updateId),
              from,
              chat_instance: '1',
              data: step.data,
              message: { message_id: 1, date: 0, chat, text: '…', from: { ...from, is_bot: true } } as never,
            },
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
      ...('text' in step ? { text: typed(step, customer) } : { text: '', value: { data: step.data } }),
    };
    return handler.onTurn(new TurnContext(adapter, activity));
  };
}

interface Result {
  readonly name: string;
  readonly updates: number;
  /** Each kind of outside call, per update. */
  readonly io: Io;
  readonly perSecond: number;
  readonly p50: number;
  readonly p99: number;
  readonly peakRssMb: number;
}

/** How long a scenario runs at least (figures from shorter runs wander), or exactly how many updates. */
type Amount = { readonly seconds: number } | { readonly updates: number };

/** Customer numbers and update ids never repeat across scenarios: each customer is a new chat. */
let nextCustomer = 0;
let nextUpdateId = 1;

const quantile = (sorted: readonly number[], q: number) => sorted[Math.min(sorted.length - 1, Math.floor(q * sorted.length))] ?? 0;

/** Closed loop: `concurrency` customers at a time, each sending its steps as fast as answered. */
async function measure(name: string, deliver: Deliver, steps: Step[], amount: Amount): Promise<Result> {
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const ioBefore = { ...io };
  const started = performance.now();
  let begun = 0;
  const more = () => ('seconds' in amount ? performance.now() - started < amount.seconds * 1000 : begun < amount.updates);
  const worker = async () => {
    while (more()) {
      const customer = nextCustomer++;
      for (const step of steps) {
        if ('updates' in amount && begun >= amount.updates) break;
        begun += 1;
        const at = performance.now();
        await deliver(customer, step, nextUpdateId++);
        latencies.push(performance.now() - at);
      }
    }
  };
  await Promise.all(Array.from({ length: concurrency }, worker));
  const seconds = (performance.now() - started) / 1000;
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    name,
    updates: latencies.length,
    io: ioPerUpdate(ioBefore, latencies.length),
    perSecond: latencies.length / seconds,
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    peakRssMb: peakRss / 2 ** 20,
  };
}

/**
 * Open loop: updates arrive at `rate` a second whether or not earlier ones are answered (as real
 * customers do), each from a customer whose previous update is answered; latency counts from when
 * the update was due, so a stall is not hidden by sending less.
 */
async function openLoop(name: string, deliver: Deliver, steps: Step[], rate: number, seconds: number): Promise<Result> {
  const latencies: number[] = [];
  let peakRss = process.memoryUsage().rss;
  const sampler = setInterval(() => (peakRss = Math.max(peakRss, process.memoryUsage().rss)), 20);
  const ioBefore = { ...io };
  const idle: { customer: number; step: number }[] = [];
  const inFlight: Promise<void>[] = [];
  const started = performance.now();
  const total = rate * seconds;
  for (let sent = 0; sent < total; sent += 1) {
    const due = started + (sent * 1000) / rate;
    const wait = due - performance.now();
    if (wait > 0) await new Promise((resolve) => setTimeout(resolve, wait));
    const next = idle.shift() ?? { customer: nextCustomer++, step: 0 };
    const step = steps[next.step] as Step;
    inFlight.push(
      deliver(next.customer, step, nextUpdateId++).then(() => {
        latencies.push(performance.now() - due);
        if (next.step + 1 < steps.length) idle.push({ customer: next.customer, step: next.step + 1 });
      }),
    );
  }
  await Promise.all(inFlight);
  clearInterval(sampler);
  latencies.sort((a, b) => a - b);
  return {
    name,
    updates: latencies.length,
    io: ioPerUpdate(ioBefore, latencies.length),
    perSecond: latencies.length / ((performance.now() - started) / 1000),
    p50: quantile(latencies, 0.5),
    p99: quantile(latencies, 0.99),
    peakRssMb: peakRss / 2 ** 20,
  };
}

const ioPerUpdate = (before: Io, updates: number): Io => ({
  botApiCalls: (io.botApiCalls - before.botApiCalls) / updates,
  sqlStatements: (io.sqlStatements - before.sqlStatements) / updates,
  redisCommands: (io.redisCommands - before.redisCommands) / updates,
});

/**
 * The floor under a scenario: grammY making, for each update, the outside calls the scenario made
 * (as many on average, one after another, on a pool and a client set up like the runtime's) and
 * nothing else: no flow, no ORM, no state. What separates the scenario from it is energobot's own work.
 */
function ioAlone(perUpdate: Io, databaseUrl: string, redisUrl: string, keyPrefix: string): { bot: Bot; close(): Promise<void> } {
  const pool = new Pool({ connectionString: databaseUrl, max: 10 });
  const redis = new Redis(redisUrl, { keyPrefix, enableAutoPipelining: true });
  const bot = new Bot('1:bench', { botInfo, client: { fetch: fakeBotApi as never } });
  let served = 0;
  // Update n makes ⌊(n+1)·r⌋ − ⌊n·r⌋ calls of a kind made r times an update on average.
  const callsNow = (rate: number) => Math.floor((served + 1) * rate) - Math.floor(served * rate);
  bot.on(['message', 'callback_query'], async (ctx) => {
    const [sql, commands, api] = [callsNow(perUpdate.sqlStatements), callsNow(perUpdate.redisCommands), callsNow(perUpdate.botApiCalls)];
    served += 1;
    for (let call = 0; call < sql; call += 1) await pool.query({ name: 'floor', text: 'select 1' });
    for (let call = 0; call < commands; call += 1) await redis.get('floor');
    for (let call = 0; call < api; call += 1) await ctx.api.sendMessage(ctx.chatId as number, 'ok');
  });
  return {
    bot,
    async close() {
      await Promise.all([pool.end(), redis.quit()]);
    },
  };
}

/** A private database on the server `DATABASE_URL` names (made anew, dropped after), and Redis under a key prefix of its own. */
async function postgresAndRedis(): Promise<{ databaseUrl: string; redisUrl: string; keyPrefix: string; drop(): Promise<void> } | null> {
  const adminUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const redisUrl = process.env['REDIS_URL'] ?? 'redis://127.0.0.1:6379';
  const name = `energobot_bench_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  try {
    await admin(`create database ${name}`);
    const redis = new Redis(redisUrl, { lazyConnect: true, maxRetriesPerRequest: 0 });
    await redis.connect();
    await redis.quit();
  } catch (error) {
    console.log(`PostgreSQL + Redis skipped: ${error instanceof Error ? error.message : String(error)}`);
    return null;
  }
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  const keyPrefix = `energobot-bench:${process.pid}:`;
  return {
    databaseUrl: url.toString(),
    redisUrl,
    keyPrefix,
    async drop() {
      await deleteKeys(redisUrl, keyPrefix);
      await admin(`drop database if exists ${name} with (force)`);
    },
  };
}

/** Only the benchmark's own keys go: SCAN by its prefix, never FLUSHDB. */
async function deleteKeys(redisUrl: string, keyPrefix: string): Promise<void> {
  const redis = new Redis(redisUrl);
  try {
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}*`, 'COUNT', 1000);
      if (keys.length > 0) await redis.unlink(...keys);
      cursor = next;
      if (cursor === '0') return;
    }
  } finally {
    await redis.quit();
  }
}

/** Saved flow state per chat at rest: the sessions' sizes in Redis. */
async function savedStateBytes(redisUrl: string, keyPrefix: string): Promise<{ chats: number; mean: number; max: number }> {
  const redis = new Redis(redisUrl);
  const sizes: number[] = [];
  try {
    for (let cursor = '0'; ;) {
      const [next, keys] = await redis.scan(cursor, 'MATCH', `${keyPrefix}energobot:session:*`, 'COUNT', 1000);
      for (const key of keys) sizes.push(await redis.strlen(key));
      cursor = next;
      if (cursor === '0') break;
    }
  } finally {
    await redis.quit();
  }
  return { chats: sizes.length, mean: sizes.reduce((a, b) => a + b, 0) / Math.max(1, sizes.length), max: Math.max(0, ...sizes) };
}

/** The heap after a full collection: what a run leaves behind. */
function settledHeapMb(): number {
  (globalThis as { gc?: () => void }).gc?.();
  return process.memoryUsage().heapUsed / 2 ** 20;
}

async function scenarios(label: string, runtime: Runtime, results: Result[], seconds: number): Promise<void> {
  await seedDemoAccounts(runtime.orm, seededAt, { timeZone, accounts: benchAccounts });
  const telegram = createTelegramBot({
    token: '1:bench',
    runner: runtime.runner,
    localizer: runtime.localizer,
    files: runtime.files,
    log: createLog('error'),
    botInfo,
    fetch: fakeBotApi,
  });
  const handler = new EnergobotActivityHandler(runtime.runner, (token) => `http://127.0.0.1/files/${token}`, runtime.identities, runtime.localizer);
  // Not counted: the first updates compile the code and fill the pools and caches.
  await measure('warm-up', telegramDelivery(telegram), readings, { seconds: 1 });
  results.push(await measure(`telegram linking, ${label}`, telegramDelivery(telegram), linking, { seconds }));
  results.push(await measure(`botframework linking, ${label}`, botFrameworkDelivery(handler), linking, { seconds }));
  results.push(await measure(`telegram readings, ${label}`, telegramDelivery(telegram), readings, { seconds }));
  results.push(await measure(`botframework readings, ${label}`, botFrameworkDelivery(handler), readings, { seconds }));
}

const printImport = (lines: readonly string[]) => console.log(['\nimport', ...lines.map((line) => `  ${line}`)].join('\n'));

async function main(): Promise<void> {
  // The import alone (`BENCH_ONLY=import npm run bench`): it takes minutes, the rest needs none of it.
  if (process.env['BENCH_ONLY'] === 'import') return printImport(await benchImport());
  const seconds = Number(process.env['BENCH_SECONDS'] ?? 5);
  const results: Result[] = [];
  const log = createLog('error');
  const notes: string[] = [];

  const embedded = await compose(createConfig({ SQLITE_PATH: ':memory:' }), log);
  await scenarios('SQLite + memory', embedded, results, seconds);
  const receiptLines = await benchReceipts(embedded);
  await embedded.close();
  receiptLines.push(...(await benchBroadcast()));
  const interruptionLines = await benchInterruptionBroadcast();

  const services = await postgresAndRedis();
  if (services) {
    try {
      const production = await compose(
        createConfig({ DATABASE_URL: services.databaseUrl, REDIS_URL: services.redisUrl, REDIS_KEY_PREFIX: services.keyPrefix, PAYMENTS_PROVIDER: 'sandbox' }),
        log,
      );
      await scenarios('PostgreSQL + Redis', production, results, seconds);
      const telegram = createTelegramBot({
        token: '1:bench',
        runner: production.runner,
        localizer: production.localizer,
        files: production.files,
        log: createLog('error'),
        botInfo,
        fetch: fakeBotApi,
      });
      // Twice the closed loops' window: 3000 updates, so one stall of the databases does not make the p99 alone.
      results.push(await openLoop('telegram linking at 300/s (open loop), PG + Redis', telegramDelivery(telegram), linking, 300, 2 * seconds));
      for (const kind of ['linking', 'readings'] as const) {
        const scenario = results.find((r) => r.name === `telegram ${kind}, PostgreSQL + Redis`) as Result;
        const floor = ioAlone(scenario.io, services.databaseUrl, services.redisUrl, services.keyPrefix);
        results.push({ ...(await measure(floorOf(kind), telegramDelivery(floor.bot), scenarioSteps[kind], { seconds })), io: scenario.io });
        await floor.close();
      }
      const state = await savedStateBytes(services.redisUrl, services.keyPrefix);
      notes.push(`saved flow state at rest: ${state.chats} chats, mean ${state.mean.toFixed(0)} B, max ${state.max} B (aim: under 4096 B)`);
      // Two identical runs in one process: what the first leaves behind, the second must not add to.
      const heaps = [settledHeapMb()];
      for (const run of [1, 2]) {
        await measure(`telegram linking, repeat ${run}`, telegramDelivery(telegram), linking, { seconds });
        heaps.push(settledHeapMb());
      }
      notes.push(`heap after a full GC: before ${heaps[0]?.toFixed(0)} MB, after run 1 ${heaps[1]?.toFixed(0)} MB, after run 2 ${heaps[2]?.toFixed(0)} MB`);
      await production.close();
    } finally {
      await services.drop();
    }
  }

  // The ceiling: grammY answering every message at once, measured with as many updates as the largest scenario.
  const bare = new Bot('1:bench', { botInfo, client: { fetch: fakeBotApi as never } });
  bare.on('message', (ctx) => ctx.reply('ok'));
  const ceiling = await measure('bare grammY reply (ceiling)', telegramDelivery(bare), [{ text: 'hello' }], {
    updates: Math.max(...results.map((r) => r.updates)),
  });
  results.unshift(ceiling);

  console.log(
    `\n${seconds} s or more per scenario, ${concurrency} customers at a time; linking: ${linking.length} updates a customer, readings: ${readings.length}\n`,
  );
  console.log(
    'scenario'.padEnd(52),
    'updates'.padStart(8),
    'updates/s'.padStart(10),
    'of bare'.padStart(8),
    'p50 ms'.padStart(8),
    'p99 ms'.padStart(8),
    'peak RSS MB'.padStart(12),
    ...['Bot API', 'SQL', 'Redis'].map((kind) => `${kind}/upd`.padStart(12)),
  );
  for (const r of results) {
    const ratio = (r.perSecond / ceiling.perSecond).toFixed(3);
    const calls = [r.io.botApiCalls, r.io.sqlStatements, r.io.redisCommands].map((count) => count.toFixed(2).padStart(12));
    console.log(
      r.name.padEnd(52),
      String(r.updates).padStart(8),
      r.perSecond.toFixed(0).padStart(10),
      ratio.padStart(8),
      r.p50.toFixed(2).padStart(8),
      r.p99.toFixed(2).padStart(8),
      r.peakRssMb.toFixed(0).padStart(12),
      ...calls,
    );
  }
  for (const kind of ['linking', 'readings']) {
    for (const label of ['SQLite + memory', 'PostgreSQL + Redis']) {
      const [tg, bf] = [`telegram ${kind}, ${label}`, `botframework ${kind}, ${label}`].map((name) => results.find((r) => r.name === name));
      if (tg && bf) notes.push(`Bot Framework / Telegram, ${kind}, ${label}: ${(bf.perSecond / tg.perSecond).toFixed(2)} (aim: at least 0.8)`);
    }
  }
  for (const kind of ['linking', 'readings'] as const) {
    const [scenario, floor] = [`telegram ${kind}, PostgreSQL + Redis`, floorOf(kind)].map((name) => results.find((r) => r.name === name));
    if (!scenario || !floor) continue;
    const [all, ioOnly, allowed] = [scenario.perSecond, floor.perSecond, 0.1 * ceiling.perSecond].map((perSecond) => (1e6 / perSecond).toFixed(0));
    notes.push(
      `telegram ${kind}, PostgreSQL + Redis: ${all} µs of the process an update, of which its I/O alone ${ioOnly} µs; 0.1 of bare would be ${allowed} µs in all`,
    );
  }
  notes.push(`AsyncLocalStorage entered: ${storageEntries} times (aim: 0)`);
  console.log('');
  for (const note of notes) console.log(note);
  console.log('\nreceipts');
  for (const line of receiptLines) console.log(`  ${line}`);
  console.log('\ninterruptions');
  for (const line of interruptionLines) console.log(`  ${line}`);
  printImport(await benchImport());
}

main().catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
