import type { AddressInfo } from 'node:net';
import { RedisAdapter } from '@grammyjs/storage-redis';
import type { MikroORM } from '@mikro-orm/core';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Bot } from 'grammy';
import { Redis } from 'ioredis';
import { Localizer } from '../core/localizer';
import { FlowRunner, type FlowSession } from '../core/runner/flow-runner';
import { InMemoryStore, InMemoryUpdateLog, InProcessChatLock } from '../core/runner/in-memory-state';
import type { Services } from '../core/services';
import { initORM } from '../db/orm';
import { RedisChatLock } from '../db/redis/redis-chat-lock';
import { RedisUpdateLog } from '../db/redis/redis-update-log';
import { SqlAccounts } from '../db/repositories/sql-accounts';
import { SqlChatIdentities } from '../db/repositories/sql-chat-identities';
import { SqlLinkAttempts } from '../db/repositories/sql-link-attempts';
import { SqlMailQueue } from '../db/repositories/sql-mail-queue';
import { needsDemoAccounts, seedDemoAccounts } from '../db/seed';
import { EnergobotActivityHandler } from './botframework/energobot-activity-handler';
import type { Config } from './config';
import { createServer } from './http/server';
import { errorFields, type Log } from './log';
import { createMailSender, MailDelivery } from './mail/mail-delivery';
import { createTelegramBot } from './telegram/telegram-bot';

/** Platform deliveries are retried for minutes at most; a day of memory is plenty. */
const updateLogTtlMs = 24 * 3600_000;

export interface App {
  readonly url: string;
  readonly orm: MikroORM;
  readonly runner: FlowRunner;
  readonly mail: MailDelivery;
  readonly telegram: Bot | undefined;
  stop(): Promise<void>;
}

/** The composition root: wires the stores, the runner and both channels, and starts serving. */
export async function startApp(config: Config, log: Log): Promise<App> {
  const orm = await initORM(config.database);
  if (config.database.kind === 'sqlite' && (await needsDemoAccounts(orm))) {
    await seedDemoAccounts(orm, new Date());
    log.info('demo accounts written to the embedded database');
  }
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2 }) : undefined;

  const mailQueue = new SqlMailQueue(orm);
  const services: Services = {
    accounts: new SqlAccounts(orm),
    identities: new SqlChatIdentities(orm),
    attempts: new SqlLinkAttempts(orm),
    mail: mailQueue,
    localizer: new Localizer(config.timeZone),
    clock: () => new Date(),
  };
  const runner = new FlowRunner({
    services,
    sessions: redis
      ? new RedisAdapter<FlowSession>({ instance: redis, ttl: Math.round(config.flowStateTtlMs / 1000) })
      : new InMemoryStore<FlowSession>(config.flowStateTtlMs),
    updates: redis ? new RedisUpdateLog(redis, updateLogTtlMs / 1000) : new InMemoryUpdateLog(updateLogTtlMs),
    lock: redis ? new RedisChatLock(redis) : new InProcessChatLock(),
    onError: (error, update) => log.error('flow failed', { channel: update.chat.channel, updateId: update.updateId, ...errorFields(error) }),
  });

  const mail = new MailDelivery(mailQueue, createMailSender(config.mail), log);
  mail.start(5_000);

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.botFramework.appId,
      MicrosoftAppPassword: config.botFramework.appPassword,
      MicrosoftAppTenantId: config.botFramework.tenantId,
      MicrosoftAppType: config.botFramework.appType,
    }),
  );
  adapter.onTurnError = async (_context, error) => log.error('bot framework turn failed', errorFields(error));

  const telegram = config.telegram
    ? createTelegramBot({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, runner, log })
    : undefined;
  const webhook = config.telegram?.webhook;

  const server = createServer({
    log,
    botFramework: { adapter, handler: new EnergobotActivityHandler(runner), authenticated: config.botFramework.authenticated },
    ...(telegram && webhook && { telegramWebhook: { bot: telegram, secret: webhook.secret } }),
    health: async () => ({
      database: await probe(() => orm.em.fork().getConnection().execute('select 1')),
      redis: redis ? await probe(() => redis.ping()) : 'not configured',
    }),
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const url = `http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port}`;
  log.info('energobot is listening', { url, database: config.database.kind, flowState: redis ? 'redis' : 'memory' });

  let polling: Promise<void> | undefined;
  if (telegram) {
    await telegram.init();
    if (webhook) {
      await telegram.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: ['message', 'callback_query'] });
      log.info('telegram webhook set', { bot: telegram.botInfo.username });
    } else {
      await telegram.api.deleteWebhook();
      polling = telegram.start({ allowed_updates: ['message', 'callback_query'] });
      log.info('telegram long polling', { bot: telegram.botInfo.username });
    }
  }

  return {
    url,
    orm,
    runner,
    mail,
    telegram,
    async stop() {
      if (telegram?.isRunning()) await telegram.stop();
      await polling;
      await new Promise<void>((resolve) => server.close(() => resolve()));
      await mail.stop();
      await orm.close();
      await redis?.quit();
    },
  };
}

async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  try {
    await check();
    return 'ok';
  } catch {
    return 'down';
  }
}
