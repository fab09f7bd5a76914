import type { CloudAdapter } from 'botbuilder';
import type { Bot } from 'grammy';
import { readReceipt } from '../../core/features/receipts/read-receipt';
import type { Log } from '../../core/kernel/log';
import { alertUnansweredAppeals } from '../../core/features/appeals/alert-unanswered';
import { errorFields } from '../../core/kernel/log';
import type { DueMail } from '../../db/repositories/sql-mail-queue';
import { EnergobotActivityHandler } from '../channels/botframework/energobot-activity-handler';
import { createServer } from '../channels/http/server';
import { operatorReplyPaths } from '../channels/operator-api/operator-reply';
import type { ChatPushDelivery } from '../channels/outbox/chat-push-delivery';
import { publishedReceipts } from '../channels/outbox/published-receipts';
import type { QueueDelivery } from '../channels/outbox/queue-delivery';
import { telegramDocuments } from '../channels/telegram/known-documents';
import { createTelegramBot } from '../channels/telegram/telegram-bot';
import { startTelegram } from '../channels/telegram/telegram-startup';
import { mountMaxWebhook } from '../channels/max/max-webhook';
import { maxChannelOf, type MaxChannel } from './max-channel';
import { DirectLineRelay, relayUploadPath } from '../channels/webchat/direct-line-relay';
import { SqlRelayConversations } from '../../db/repositories/sql-relay-conversations';
import { AppealReplyAddresses } from '../integrations/mail/appeal-reply-addresses';
import { botFrameworkAdapter } from './bot-framework-adapter';
import { compose, type Overrides, type Runtime } from './compose';
import type { Config } from './config';
import { startHandoverDelivery, startMailDelivery, startPushDelivery } from './deliveries';
import { storesHealth } from './health';
import { startInboundMail } from './inbound-mail';
import { mountPayments, mountSurfaces } from './surfaces';
import { SupplierNotices } from './supplier-notices';
import type { DueHandover } from '../../core/features/billing/ports';

/** How often appeals left unanswered too long are looked for. */
const alertEveryMs = 5 * 60_000;

export interface App {
  readonly url: string;
  readonly runtime: Runtime;
  readonly mail: QueueDelivery<DueMail>;
  readonly pushes: ChatPushDelivery;
  /** Readings on their way to billing. */
  readonly handovers: QueueDelivery<DueHandover>;
  /** Interruptions and reminders the supplier's customers are due: looked at every minute, or at once with `run`. */
  readonly notices: SupplierNotices;
  readonly telegram: Bot | undefined;
  /** Where the SMTP listener for operators' replies took its port (when configured). */
  readonly inboundSmtpPort: number | undefined;
  /** Settles once Telegram is set up (commands, webhook or polling), or at once without Telegram. */
  readonly telegramReady: Promise<void>;
  /** Settles once MAX is set up (its name, commands, webhook or polling), or at once without MAX. */
  readonly maxReady: Promise<void>;
  /** Stops taking updates, lets those in flight finish, leaves unsent mail and pushes to their outbox, closes the stores. */
  stop(): Promise<void>;
}

/** energobot serving: the composition, the channels, the outboxes' workers and the HTTP server. */
export async function startApp(config: Config, log: Log, overrides: Omit<Overrides, 'urls'> = {}): Promise<App> {
  let url = '';
  const publicUrl = () => config.publicUrl ?? url;
  const runtime = await compose(config, log, {
    ...overrides,
    urls: { publicUrl, telegramBot: () => (telegram?.isInited() ? telegram.botInfo.username : null), maxBot: () => max?.username() ?? null },
  });
  const readMonth = publishedReceipts((ref) => readReceipt(runtime.services, ref.account, ref.period, config.timeZone));
  const replyAddresses = config.appeals.replyDomain ? new AppealReplyAddresses(runtime.secret, config.appeals.replyDomain) : undefined;
  const mail = startMailDelivery(config, runtime, log, readMonth, replyAddresses);
  const adapter = botFrameworkAdapter(config, log);
  const documents = telegramDocuments(runtime.issuedReceipts);
  const telegram = telegramBotOf(config, runtime, documents, log);
  const max = maxChannelOf(config, runtime, log);
  // Charts and exports reach Bot Framework as links; the random token is the signature, and it expires.
  const fileUrl = (token: string) => `${publicUrl()}/files/${token}`;
  const botFramework = { adapter, appId: config.botFramework.appId };
  const pushes = startPushDelivery(runtime, log, { telegram, documents, max: max?.sending, botFramework, fileUrl, readMonth });
  const queued = () => void Promise.all([pushes.kick(), mail.kick()]);
  const handovers = startHandoverDelivery(runtime, log, queued);
  /** Set once the process stops: readiness says so while the last updates finish. */
  let draining = false;
  const relay = config.webChat.directLine
    ? undefined
    : new DirectLineRelay(() => url, new SqlRelayConversations(runtime.orm), runtime.files, publicUrl, log, config.webChat.trustedProxies);
  const server = serverOf(config, runtime, log, { adapter, telegram, max, fileUrl, draining: () => draining });
  const wiring = { url: () => url, queued, relay };
  const reconciling = mountPayments(server, config, runtime, log, wiring);
  mountSurfaces(server, config, runtime, log, wiring);
  url = await listen(server, config);
  log.info('energobot is listening', { url, database: config.database.kind, flowState: runtime.redis ? 'redis' : 'database' });
  const inboundMail = await startInboundMail(config, runtime, log, replyAddresses, queued);
  const alerting = startAlerting({ ...config.appeals, publicUrl: publicUrl() }, runtime, log, mail);
  const notices = new SupplierNotices(config, runtime, log, queued);
  notices.start();
  const messengers = startMessengers(config, runtime, log, { telegram, max });
  return {
    url,
    runtime,
    telegramReady: messengers.telegram?.ready ?? Promise.resolve(),
    maxReady: messengers.max?.ready ?? Promise.resolve(),
    mail,
    pushes,
    handovers,
    notices,
    telegram,
    inboundSmtpPort: inboundMail?.port,
    async stop() {
      draining = true;
      clearInterval(reconciling);
      clearInterval(alerting);
      await inboundMail?.close();
      relay?.close();
      const closed = new Promise<void>((resolve) => void server.close(() => resolve()));
      server.server.closeIdleConnections();
      await Promise.all([messengers.telegram?.stop(), messengers.max?.stop(), closed, notices.stop(), mail.stop(), pushes.stop(), handovers.stop()]);
      await runtime.close();
    },
  };
}

/** Telegram and MAX set up in the background (each tries until its platform answers), once the server listens. */
function startMessengers(config: Config, runtime: Runtime, log: Log, bots: { readonly telegram: Bot | undefined; readonly max: MaxChannel | undefined }) {
  return {
    telegram: bots.telegram && startTelegram(bots.telegram, { webhook: config.telegram?.webhook, localizer: runtime.localizer, log }),
    max: bots.max?.start(),
  };
}

/** The Telegram bot, when a token is given. */
function telegramBotOf(config: Config, runtime: Runtime, documents: ReturnType<typeof telegramDocuments>, log: Log): Bot | undefined {
  return (
    config.telegram &&
    createTelegramBot({
      token: config.telegram.token,
      apiRoot: config.telegram.apiRoot,
      runner: runtime.runner,
      localizer: runtime.localizer,
      files: runtime.files,
      log,
      documents,
      isLinked: async (chat) => (await runtime.identities.linkedAccounts(chat)).length > 0,
    })
  );
}

/** The HTTP server: Bot Framework's endpoint, the Telegram and MAX webhooks when configured, files, probes and metrics. */
function serverOf(
  config: Config,
  runtime: Runtime,
  log: Log,
  parts: {
    readonly adapter: CloudAdapter;
    readonly telegram: Bot | undefined;
    readonly max: MaxChannel | undefined;
    readonly fileUrl: (token: string) => string;
    readonly draining: () => boolean;
  },
): ReturnType<typeof createServer> {
  const webhook = config.telegram?.webhook;
  const { registry } = runtime.metrics;
  const server = createServer({
    log,
    botFramework: {
      adapter: parts.adapter,
      handler: new EnergobotActivityHandler(runtime.runner, parts.fileUrl, runtime.identities, runtime.localizer),
      authenticated: config.botFramework.authenticated,
    },
    files: runtime.files,
    uploads: [relayUploadPath, ...operatorReplyPaths],
    ...(parts.telegram && webhook && { telegramWebhook: { bot: parts.telegram, secret: webhook.secret } }),
    draining: parts.draining,
    metrics: { text: async () => ({ contentType: registry.contentType, body: await registry.metrics() }), token: config.operatorToken },
    health: () => storesHealth(runtime),
  });
  const max = parts.max;
  if (max && config.max?.webhook) mountMaxWebhook(server, { secret: config.max.webhook.secret, handle: (update) => max.handle(update), log });
  return server;
}

/** Every few minutes, the supervisors are told of appeals left unanswered too long. */
function startAlerting(alert: Parameters<typeof alertUnansweredAppeals>[1], runtime: Runtime, log: Log, mail: QueueDelivery<DueMail>): NodeJS.Timeout {
  return setInterval(() => {
    alertUnansweredAppeals(runtime.services, alert, new Date()).then(
      (count) => count > 0 && void mail.kick(),
      (error: unknown) => log.warn('unanswered appeals not checked', errorFields(error)),
    );
  }, alertEveryMs);
}

/** Listens where configured; the URL it is reached at on this machine. */
async function listen(server: ReturnType<typeof createServer>, config: Pick<Config, 'port' | 'host'>): Promise<string> {
  await new Promise<void>((resolve) => void server.listen(config.port, config.host, resolve));
  const { port } = server.address();
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  return `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
}
