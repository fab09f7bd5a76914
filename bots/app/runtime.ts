import type { MikroORM } from '@mikro-orm/core';
import { Redis } from 'ioredis';
import { Localizer } from '../../core/kernel/localizer';
import { FlowRunner } from '../../core/runner/flow-runner';
import { InMemoryChatStates } from '../../core/runner/in-memory-state';
import type { FileStore } from '../../core/kernel/file-store';
import type { Services } from '../../core/runner/services';
import { initORM } from '../../db/orm';
import { RedisChatStates } from '../../db/redis/redis-chat-states';
import { SqlAccounts } from '../../db/repositories/sql-accounts';
import { SqlChatIdentities } from '../../db/repositories/sql-chat-identities';
import { SqlChatPushes } from '../../db/repositories/sql-chat-pushes';
import { SqlPaymentOrders } from '../../db/repositories/sql-payment-orders';
import { SqlLinkAttempts } from '../../db/repositories/sql-link-attempts';
import { SqlFileStore } from '../../db/repositories/sql-file-store';
import { SqlMeterReadings } from '../../db/repositories/sql-meter-readings';
import { SqlMailQueue } from '../../db/repositories/sql-mail-queue';
import { SqlEReceipts } from '../../db/repositories/sql-e-receipts';
import { SqlSettings } from '../../db/repositories/sql-settings';
import { SqlInvites } from '../../db/repositories/sql-invites';
import { SqlAppeals } from '../../db/repositories/sql-appeals';
import { SqlDeadLetters } from '../../db/repositories/sql-dead-letters';
import { SqlBacklog } from '../../db/repositories/sql-backlog';
import { Metrics } from '../channels/http/metrics';
import { SqlAttachmentStore } from '../../db/repositories/sql-attachment-store';
import { appealFiles } from '../../core/features/appeals/appeal-files';
import { channelFileSources } from '../integrations/channel-files/channel-file-sources';
import { SqlIssuedReceipts } from '../../db/repositories/sql-issued-receipts';
import { SqlMonthlyReceiptChats } from '../../db/repositories/sql-monthly-receipt-chats';
import { PdfReceiptArchive } from '../integrations/pdf/pdf-receipt-archive';
import { installationSecret } from '../../db/repositories/sql-installation-secrets';
import { SignedDeepLinks } from '../integrations/deep-links/signed-deep-links';
import { ReceiptRenderer } from '../integrations/pdf/receipt-renderer';
import { needsDemoAccounts, seedDemoAccounts } from '../../db/seed';
import type { Config } from './config';
import { errorFields, type Log } from '../../core/kernel/log';
import { SandboxPayments } from '../integrations/payments/sandbox-payments';
import { YooKassaPayments } from '../integrations/payments/yookassa-payments';

/** Platform deliveries are retried for minutes at most; a day of memory is plenty. */
const updateLogTtlMs = 24 * 3600_000;

export interface Runtime {
  readonly orm: MikroORM;
  readonly redis: Redis | undefined;
  readonly mailQueue: SqlMailQueue;
  readonly runner: FlowRunner;
  readonly services: Services;
  readonly localizer: Localizer;
  readonly files: FileStore;
  readonly identities: SqlChatIdentities;
  readonly pushes: SqlChatPushes;
  readonly orders: SqlPaymentOrders;
  readonly yookassa: YooKassaPayments | undefined;
  readonly receipts: PdfReceiptArchive;
  readonly issuedReceipts: SqlIssuedReceipts;
  readonly eReceipts: SqlEReceipts;
  readonly monthlyReceipts: SqlMonthlyReceiptChats;
  /** Files of appeals, customers' and operators'. */
  readonly attachments: SqlAttachmentStore;
  /** Signs what energobot hands out and must recognise later (e-mail links, reply addresses). */
  readonly secret: () => Promise<string>;
  readonly metrics: Metrics;
  close(): Promise<void>;
}

/** The stores, the services and the flow runner: everything but the channels and the server. */
export async function createRuntime(
  config: Pick<Config, 'database' | 'redisUrl' | 'redisKeyPrefix' | 'flowStateTtlMs' | 'timeZone' | 'policy' | 'supplier' | 'linkSecret'> & Partial<Pick<Config, 'yookassa' | 'telegram' | 'webChat'>>,
  log: Log,
  /** Where the sandbox payment page is reached (known once the server listens). */
  paymentPageBase: () => string = () => 'http://127.0.0.1:3978',
  /** The Telegram bot's username once known, for links that open its chat. */
  telegramBot: () => string | null = () => null,
): Promise<Runtime> {
  const orm = await initORM(config.database);
  if (config.database.kind === 'sqlite' && (await needsDemoAccounts(orm))) {
    await seedDemoAccounts(orm, new Date(), { timeZone: config.timeZone });
    log.info('demo accounts written to the embedded database');
  }
  // A hung Redis fails a command within two seconds instead of holding the update.
  const redis = config.redisUrl ? new Redis(config.redisUrl, { maxRetriesPerRequest: 2, commandTimeout: 2_000, connectTimeout: 3_000, enableAutoPipelining: true, ...(config.redisKeyPrefix && { keyPrefix: config.redisKeyPrefix }) }) : undefined;
  // Reconnecting is ioredis's own business; what fails meanwhile fails the update, which is delivered again.
  redis?.on('error', (error: unknown) => log.debug('redis connection failed; reconnecting', errorFields(error)));
  const metrics = new Metrics(new SqlBacklog(orm));
  const mailQueue = new SqlMailQueue(orm);
  const localizer = new Localizer(config.timeZone);
  const files = new SqlFileStore(orm);
  const identities = new SqlChatIdentities(orm);
  const orders = new SqlPaymentOrders(orm);
  const yookassa =
    config.yookassa &&
    new YooKassaPayments(
      orders,
      { ...config.yookassa, returnUrl: paymentPageBase },
      (mismatch) => log.warn('a YooKassa payment does not match the order it names; nothing changed', mismatch),
      metrics.providerCall('yookassa'),
    );
  const secret = async () => config.linkSecret ?? (await installationSecret(orm, 'deep-links'));
  const renderer = new ReceiptRenderer();
  const issuedReceipts = new SqlIssuedReceipts(orm);
  const receipts = new PdfReceiptArchive(issuedReceipts, renderer, files, localizer, config.supplier);
  const eReceipts = new SqlEReceipts(orm, (token) => `${paymentPageBase()}/e-receipt/confirm?token=${token}`);
  const monthlyReceipts = new SqlMonthlyReceiptChats(orm);
  const attachments = new SqlAttachmentStore(orm);
  const pushes = new SqlChatPushes(orm);
  const sources = channelFileSources({
    ...(config.telegram && { telegram: { token: config.telegram.token, ...(config.telegram.apiRoot && { apiRoot: config.telegram.apiRoot }) } }),
    ownFiles: { origins: () => [new URL(paymentPageBase()).origin], store: files },
    ...(config.webChat?.directLine && { directLineOrigin: new URL(config.webChat.directLine.endpoint).origin }),
    log,
  });
  const services: Services = {
    accounts: new SqlAccounts(orm),
    identities,
    attempts: new SqlLinkAttempts(orm),
    readings: new SqlMeterReadings(orm),
    files,
    payments: yookassa ?? new SandboxPayments(orders, paymentPageBase),
    mail: mailQueue,
    receipts,
    eReceipts,
    monthlyReceipts,
    links: new SignedDeepLinks(secret, { telegramBot, webChat: paymentPageBase }),
    appeals: new SqlAppeals(orm),
    appealFiles: appealFiles(attachments, sources, files),
    settings: new SqlSettings(orm),
    invites: new SqlInvites(orm),
    pushes,
    localizer,
    clock: () => new Date(),
    policy: config.policy,
  };
  const deadLetters = new SqlDeadLetters(orm);
  const runner = new FlowRunner({
    services,
    states: redis
      ? new RedisChatStates(redis, { sessionTtlMs: config.flowStateTtlMs, deliveryTtlMs: updateLogTtlMs })
      : new InMemoryChatStates(config.flowStateTtlMs, updateLogTtlMs),
    deadLetters: {
      async setAside(update) {
        await deadLetters.setAside(update);
        log.error('update set aside after repeated failures; its chat goes on', { channel: update.chat.split(':')[0], updateId: update.updateId, failures: update.failures, failure: update.failure });
      },
    },
    onTurn: metrics.turned,
    onError: (error, update) => log.error('flow failed', { channel: update.chat.channel, updateId: update.updateId, ...errorFields(error) }),
  });
  return {
    orm,
    redis,
    mailQueue,
    runner,
    services,
    localizer,
    files,
    identities,
    pushes,
    orders,
    yookassa,
    receipts,
    issuedReceipts,
    eReceipts,
    monthlyReceipts,
    attachments,
    secret,
    metrics,
    async close() {
      await Promise.all([orm.close(), renderer.close()]);
      // A Redis that does not answer is left at once rather than waited for.
      if (redis) await Promise.race([redis.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000))]);
      redis?.disconnect();
    },
  };
}

