import type { MikroORM } from '@mikro-orm/core';
import { Redis } from 'ioredis';
import type { FileSources } from '../../core/features/appeals/ports';
import { appealFiles } from '../../core/features/appeals/appeal-files';
import type { FileStore } from '../../core/kernel/file-store';
import { Localizer } from '../../core/kernel/localizer';
import { errorFields, type Log } from '../../core/kernel/log';
import { FlowRunner, type ChatUpdate } from '../../core/runner/flow-runner';
import type { Services } from '../../core/kernel/services';
import type { ChatStates } from '../../core/runner/state-ports';
import { initORM } from '../../db/orm';
import { RedisChatStates } from '../../db/redis/redis-chat-states';
import { SqlChatStates } from '../../db/repositories/sql-chat-states';
import { SqlAccounts } from '../../db/repositories/sql-accounts';
import { SqlAccountDirectory } from '../../db/repositories/sql-account-directory';
import { SqlAppeals } from '../../db/repositories/sql-appeals';
import { SqlLiveChats } from '../../db/repositories/sql-live-chats';
import { SqlAttachmentStore } from '../../db/repositories/sql-attachment-store';
import { SqlBacklog } from '../../db/repositories/sql-backlog';
import { SqlChatIdentities } from '../../db/repositories/sql-chat-identities';
import { SqlChatPushes } from '../../db/repositories/sql-chat-pushes';
import { SqlDeadLetters } from '../../db/repositories/sql-dead-letters';
import { SqlEReceipts } from '../../db/repositories/sql-e-receipts';
import { SqlFileStore } from '../../db/repositories/sql-file-store';
import { SqlInvites } from '../../db/repositories/sql-invites';
import { installationSecret } from '../../db/repositories/sql-installation-secrets';
import { SqlIssuedReceipts } from '../../db/repositories/sql-issued-receipts';
import { SqlLinkAttempts } from '../../db/repositories/sql-link-attempts';
import { SqlMailQueue } from '../../db/repositories/sql-mail-queue';
import { SqlMeterReadings } from '../../db/repositories/sql-meter-readings';
import { SqlInterruptions } from '../../db/repositories/sql-interruptions';
import { SqlReminderRuns } from '../../db/repositories/sql-reminder-runs';
import { SqlReminderSubscriptions } from '../../db/repositories/sql-reminder-subscriptions';
import { SqlLinkedAddresses } from '../../db/repositories/sql-linked-addresses';
import { SqlMonthlyReceiptChats } from '../../db/repositories/sql-monthly-receipt-chats';
import { SqlPaymentOrders } from '../../db/repositories/sql-payment-orders';
import { SqlReadingHandovers } from '../../db/repositories/sql-reading-handovers';
import { SqlReadingPhotos } from '../../db/repositories/sql-reading-photos';
import { meterPhotos } from '../../core/features/readings/meter-photos';
import { SqlSettings } from '../../db/repositories/sql-settings';
import { needsDemoAccounts, seedDemoAccounts } from '../../db/seed';
import { Metrics } from '../channels/http/metrics';
import { channelFileSources } from '../integrations/channel-files/channel-file-sources';
import { MemoryBillingCache, RedisBillingCache, type BillingCacheStore } from '../integrations/billing/billing-cache';
import { BillingClient, type BillingApi } from '../integrations/billing/billing-client';
import { HttpBilling } from '../integrations/billing/http-billing';
import { SignedDeepLinks } from '../integrations/deep-links/signed-deep-links';
import { SandboxPayments } from '../integrations/payments/sandbox-payments';
import { YooKassaPayments } from '../integrations/payments/yookassa-payments';
import { PdfReceiptArchive } from '../integrations/pdf/pdf-receipt-archive';
import { ReceiptRenderer } from '../integrations/pdf/receipt-renderer';
import type { Config } from './config';

/** Platform deliveries are retried for minutes at most; a day of memory is plenty. */
const updateLogTtlMs = 24 * 3600_000;

export type ComposeConfig = Pick<Config, 'database' | 'redisUrl' | 'redisKeyPrefix' | 'flowStateTtlMs' | 'timeZone' | 'policy' | 'supplier' | 'linkSecret'> &
  Partial<Pick<Config, 'yookassa' | 'telegram' | 'max' | 'webChat' | 'billingApi'>>;

/** What a test or the benchmark puts in place of the real thing; main gives none of them but the URLs. */
export interface Overrides {
  /** A database opened (and seeded) already. */
  readonly orm?: MikroORM;
  readonly clock?: () => Date;
  readonly states?: ChatStates;
  /** Where customers' files are read from, instead of the platforms. */
  readonly fileSources?: FileSources;
  readonly secret?: () => Promise<string>;
  /** The ports the flows are given, changed (a port that fails, one that is slow). */
  readonly services?: (real: Services) => Services;
  readonly flowFailed?: (error: unknown, update: ChatUpdate) => void;
  readonly renderThreads?: number;
  /** Where energobot is reached (known once the server listens), and the Telegram and MAX bots' usernames once known. */
  readonly urls?: { readonly publicUrl: () => string; readonly telegramBot: () => string | null; readonly maxBot?: () => string | null };
}

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
  /** The supplier's interruptions of supply, and who lives where: their notices' audience. */
  readonly interruptions: SqlInterruptions;
  readonly linkedAddresses: SqlLinkedAddresses;
  /** Who asked to be reminded of what, and the month's reminder broadcasts done. */
  readonly reminders: SqlReminderSubscriptions;
  readonly reminderRuns: SqlReminderRuns;
  /** Readings on their way to billing, for the outbox that hands them over. */
  readonly handovers: SqlReadingHandovers;
  /** What is kept of the supplier's billing's answers; its events make it forget an account's. */
  readonly billingCache: BillingCacheStore;
  /** Files of appeals, customers' and operators'. */
  readonly attachments: SqlAttachmentStore;
  /** Meter photos sent with readings, for the operators' desk. */
  readonly readingPhotos: SqlReadingPhotos;
  /** Signs what energobot hands out and must recognise later (e-mail links, reply addresses). */
  readonly secret: () => Promise<string>;
  readonly metrics: Metrics;
  close(): Promise<void>;
}

type Adapters = Omit<Runtime, 'runner' | 'services' | 'close'> & { readonly services: Services; readonly renderer: ReceiptRenderer };

/**
 * The one composition of the stores, the adapters, the services and the flow runner: everything
 * but the channels and the server. Main, the tests and the benchmark all build energobot here.
 */
export async function compose(config: ComposeConfig, log: Log, overrides: Overrides = {}): Promise<Runtime> {
  const orm = overrides.orm ?? (await openDatabase(config, log));
  const redis = overrides.states ? undefined : openRedis(config, log);
  const adapters = createAdapters(config, log, orm, redis, overrides);
  const services = overrides.services ? overrides.services(adapters.services) : adapters.services;
  const runner = createRunner(config, log, { orm, redis, services, metrics: adapters.metrics }, overrides);
  return {
    ...adapters,
    runner,
    services,
    async close() {
      await Promise.all([overrides.orm ? undefined : orm.close(), adapters.renderer.close()]);
      // A Redis that does not answer is left at once rather than waited for.
      if (redis) await Promise.race([redis.quit().catch(() => undefined), new Promise((resolve) => setTimeout(resolve, 1_000))]);
      redis?.disconnect();
    },
  };
}

async function openDatabase(config: ComposeConfig, log: Log): Promise<MikroORM> {
  const orm = await initORM(config.database);
  if (config.database.kind === 'sqlite' && (await needsDemoAccounts(orm))) {
    await seedDemoAccounts(orm, new Date(), { timeZone: config.timeZone });
    log.info('demo accounts written to the embedded database');
  }
  return orm;
}

function openRedis(config: ComposeConfig, log: Log): Redis | undefined {
  if (!config.redisUrl) return undefined;
  // A hung Redis fails a command within two seconds instead of holding the update.
  const redis = new Redis(config.redisUrl, {
    maxRetriesPerRequest: 2,
    commandTimeout: 2_000,
    connectTimeout: 3_000,
    enableAutoPipelining: true,
    ...(config.redisKeyPrefix && { keyPrefix: config.redisKeyPrefix }),
  });
  // Reconnecting is ioredis's own business; what fails meanwhile fails the update, which is delivered again.
  redis.on('error', (error: unknown) => log.debug('redis connection failed; reconnecting', errorFields(error)));
  return redis;
}

function createAdapters(config: ComposeConfig, log: Log, orm: MikroORM, redis: Redis | undefined, overrides: Overrides): Adapters {
  const clock = overrides.clock ?? (() => new Date());
  const publicUrl = overrides.urls?.publicUrl ?? (() => 'http://127.0.0.1:3978');
  const metrics = new Metrics(new SqlBacklog(orm));
  const localizer = new Localizer(config.timeZone);
  const files = new SqlFileStore(orm, clock);
  const orders = new SqlPaymentOrders(orm, clock);
  const yookassa =
    config.yookassa &&
    new YooKassaPayments(
      orders,
      { ...config.yookassa, returnUrl: publicUrl },
      (mismatch) => log.warn('a YooKassa payment does not match the order it names; nothing changed', mismatch),
      metrics.providerCall('yookassa'),
    );
  const secret = overrides.secret ?? (async () => config.linkSecret ?? (await installationSecret(orm, 'deep-links')));
  const renderer = new ReceiptRenderer(overrides.renderThreads);
  const issuedReceipts = new SqlIssuedReceipts(orm, clock);
  const attachments = new SqlAttachmentStore(orm, clock);
  const stores = {
    orm,
    redis,
    metrics,
    localizer,
    files,
    orders,
    yookassa,
    secret,
    renderer,
    issuedReceipts,
    attachments,
    mailQueue: new SqlMailQueue(orm, clock),
    identities: new SqlChatIdentities(orm),
    pushes: new SqlChatPushes(orm, clock),
    receipts: new PdfReceiptArchive(issuedReceipts, renderer, files, localizer, config.supplier),
    eReceipts: new SqlEReceipts(orm, (token) => `${publicUrl()}/e-receipt/confirm?token=${token}`),
    monthlyReceipts: new SqlMonthlyReceiptChats(orm),
    interruptions: new SqlInterruptions(orm),
    linkedAddresses: new SqlLinkedAddresses(orm),
    reminders: new SqlReminderSubscriptions(orm),
    reminderRuns: new SqlReminderRuns(orm),
    handovers: new SqlReadingHandovers(orm, clock),
    readingPhotos: new SqlReadingPhotos(orm),
    billingCache: redis ? new RedisBillingCache(redis) : new MemoryBillingCache(),
  };
  const sources = overrides.fileSources ?? fileSources(config, log, files, publicUrl);
  return { ...stores, services: servicesOf(config, stores, sources, clock, botsOf(overrides.urls), publicUrl) };
}

/** The messengers' bots, by username once known: where the e-mail links open the chat. */
function botsOf(urls: Overrides['urls']): Bots {
  return { telegramBot: urls?.telegramBot ?? (() => null), maxBot: urls?.maxBot ?? (() => null) };
}

type Bots = { readonly telegramBot: () => string | null; readonly maxBot: () => string | null };

function fileSources(config: ComposeConfig, log: Log, files: FileStore, publicUrl: () => string): FileSources {
  return channelFileSources({
    ...(config.telegram && { telegram: { token: config.telegram.token, ...(config.telegram.apiRoot && { apiRoot: config.telegram.apiRoot }) } }),
    ...(config.max && { max: { ...(config.max.apiRoot && { apiRoot: config.max.apiRoot }) } }),
    ownFiles: { origins: () => [new URL(publicUrl()).origin], store: files },
    ...(config.webChat?.directLine && { directLineOrigin: new URL(config.webChat.directLine.endpoint).origin }),
    log,
  });
}

function servicesOf(
  config: ComposeConfig,
  stores: Omit<Adapters, 'services'>,
  sources: FileSources,
  clock: () => Date,
  bots: Bots,
  publicUrl: () => string,
): Services {
  const { orm } = stores;
  const billing = config.billingApi && supplierBilling(config.billingApi, stores, clock);
  return {
    accounts: billing || new SqlAccounts(orm),
    identities: stores.identities,
    attempts: new SqlLinkAttempts(orm),
    readings: billing || new SqlMeterReadings(orm),
    handovers: stores.handovers,
    meterPhotos: meterPhotos(stores.attachments, sources, stores.readingPhotos),
    files: stores.files,
    payments: stores.yookassa ?? new SandboxPayments(stores.orders, publicUrl),
    mail: stores.mailQueue,
    receipts: stores.receipts,
    eReceipts: stores.eReceipts,
    monthlyReceipts: stores.monthlyReceipts,
    interruptions: stores.interruptions,
    reminders: stores.reminders,
    links: new SignedDeepLinks(stores.secret, { ...bots, webChat: publicUrl }),
    appeals: new SqlAppeals(orm),
    appealFiles: appealFiles(stores.attachments, sources, stores.files),
    liveChats: new SqlLiveChats(orm),
    settings: new SqlSettings(orm),
    invites: new SqlInvites(orm),
    pushes: stores.pushes,
    localizer: stores.localizer,
    clock,
    policy: config.policy,
  };
}

/** The supplier's own billing, over the contract: its answers kept in Redis (or this process), the accounts it answers for remembered. */
function supplierBilling(api: BillingApi, stores: Omit<Adapters, 'services'>, clock: () => Date): HttpBilling {
  const directory = new SqlAccountDirectory(stores.orm);
  return new HttpBilling(new BillingClient(api, stores.metrics.providerCall('billing')), stores.billingCache, (info) => directory.remember(info), clock);
}

function createRunner(
  config: ComposeConfig,
  log: Log,
  parts: { readonly orm: MikroORM; readonly redis: Redis | undefined; readonly services: Services; readonly metrics: Metrics },
  overrides: Overrides,
): FlowRunner {
  const deadLetters = new SqlDeadLetters(parts.orm);
  const states =
    overrides.states ??
    (parts.redis
      ? new RedisChatStates(parts.redis, { sessionTtlMs: config.flowStateTtlMs, deliveryTtlMs: updateLogTtlMs })
      : // Without Redis, in the embedded database: a restart keeps a half-answered question.
        new SqlChatStates(parts.orm, { sessionTtlMs: config.flowStateTtlMs, deliveryTtlMs: updateLogTtlMs }));
  return new FlowRunner({
    services: parts.services,
    states,
    deadLetters: {
      async setAside(update) {
        await deadLetters.setAside(update);
        log.error('update set aside after repeated failures; its chat goes on', {
          channel: update.chat.split(':')[0],
          updateId: update.updateId,
          failures: update.failures,
          failure: update.failure,
        });
      },
    },
    onTurn: parts.metrics.turned,
    onError:
      overrides.flowFailed ?? ((error, update) => log.error('flow failed', { channel: update.chat.channel, updateId: update.updateId, ...errorFields(error) })),
  });
}
