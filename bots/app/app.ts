import type { AddressInfo } from 'node:net';
import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import type { Bot } from 'grammy';
import { readReceipt } from '../../core/features/receipts/read-receipt';
import { receiptFileName } from '../integrations/pdf/pdf-receipt-archive';
import { publishedReceipts } from '../channels/outbox/published-receipts';
import type { ReceiptRef } from '../../core/features/outbox/ports';
import type { DueMail } from '../../db/repositories/sql-mail-queue';
import { EnergobotActivityHandler } from '../channels/botframework/energobot-activity-handler';
import type { Config } from './config';
import { createServer } from '../channels/http/server';
import { errorFields, type Log } from '../../core/kernel/log';
import { ChatPushDelivery } from '../channels/outbox/chat-push-delivery';
import { createPushSender } from '../channels/outbox/chat-push-sender';
import { QueueDelivery } from '../channels/outbox/queue-delivery';
import { mountOperatorApi } from '../channels/operator-api/operator-routes';
import { mountEReceiptPages } from '../channels/pages/e-receipt-routes';
import { mountDesk } from '../channels/desk/desk-routes';
import { SqlOperators } from '../../db/repositories/sql-operators';
import { AppealReplyAddresses } from '../integrations/mail/appeal-reply-addresses';
import { startInboundSmtp } from '../integrations/mail/inbound-smtp';
import { answerAppeal } from '../../core/features/appeals/answer-appeal';
import { attachmentKind, attachmentLimits } from '../../core/kernel/attachment';
import { alertUnansweredAppeals } from '../../core/features/appeals/alert-unanswered';
import { mountSandboxPayments } from '../integrations/payments/sandbox-routes';
import { mountYooKassa, reconcileYooKassa } from '../integrations/payments/yookassa-routes';
import { createMailSender, mailSendTimeoutMs, mailVerdict } from '../integrations/mail/mail-delivery';
import { createRuntime, type Runtime } from './runtime';
import { eReceiptAddress } from '../../core/features/receipts/receipt-archive';
import { createTelegramBot } from '../channels/telegram/telegram-bot';
import { broadcastApi } from '../channels/telegram/broadcast-api';
import { telegramDocuments } from '../channels/telegram/known-documents';
import { startTelegram } from '../channels/telegram/telegram-startup';
import { SqlRelayConversations } from '../../db/repositories/sql-relay-conversations';
import { DirectLineRelay, relayUploadPath } from '../channels/webchat/direct-line-relay';
import { operatorReplyPaths } from '../channels/operator-api/operator-reply';
import { mountWebChat } from '../channels/webchat/webchat-routes';
import { directLineTokens, relayTokens } from '../channels/webchat/webchat-tokens';

export interface App {
  readonly url: string;
  readonly runtime: Runtime;
  readonly mail: QueueDelivery<DueMail>;
  readonly pushes: ChatPushDelivery;
  readonly telegram: Bot | undefined;
  /** Where the SMTP listener for operators' replies took its port (when configured). */
  readonly inboundSmtpPort: number | undefined;
  /** Settles once Telegram is set up (commands, webhook or polling), or at once without Telegram. */
  readonly telegramReady: Promise<void>;
  stop(): Promise<void>;
}

/** The composition root: wires the runtime to both channels and the HTTP server, and starts serving. */
export async function startApp(config: Config, log: Log): Promise<App> {
  let url = '';
  const runtime = await createRuntime(config, log, () => config.publicUrl ?? url, () => (telegram?.isInited() ? telegram.botInfo.username : null));
  const { orm, redis, mailQueue, runner } = runtime;

  const readMonth = publishedReceipts((ref: ReceiptRef) => readReceipt(runtime.services, ref.account, ref.period, config.timeZone));
  const replyAddresses = config.appeals.replyDomain ? new AppealReplyAddresses(runtime.secret, config.appeals.replyDomain) : undefined;
  const mailSender = createMailSender(
    config.mail,
    async (item) => {
      const receipt = item.receipt && (await readMonth(item.receipt));
      // E-mail is the supplier's Russian letter; the receipt in it is the Russian one.
      const receipts = receipt ? [{ filename: receiptFileName(receipt), content: (await runtime.receipts.pdf(receipt, 'ru')).bytes }] : [];
      const files = await Promise.all((item.attachments ?? []).map((ref) => runtime.attachments.get(ref.id)));
      return [...receipts, ...files.flatMap((file) => (file ? [{ filename: file.ref.name, content: file.bytes, contentType: file.ref.mime }] : []))];
    },
    replyAddresses,
  );
  // A month's e-receipts are thousands of letters: a few at once, each address's in order.
  const mail = new QueueDelivery('mail', mailQueue, async (item) => {
    const to = item.toEReceiptAddress && item.receipt ? eReceiptAddress(item.receipt.period, await runtime.eReceipts.terms(item.receipt.account)) : item.to;
    // An e-receipt given up since it was queued goes nowhere.
    if (to !== null) await mailSender.send({ ...item, to });
  }, log, {
    sendTimeoutMs: mailSendTimeoutMs,
    verdict: mailVerdict,
    batch: 10,
    lanes: { of: (item) => item.to, parallel: 4 },
  });
  mail.start(5_000);

  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.botFramework.appId,
      MicrosoftAppPassword: config.botFramework.appPassword,
      MicrosoftAppTenantId: config.botFramework.tenantId,
      MicrosoftAppType: config.botFramework.appType,
    }),
  );
  // A turn that failed is a failure: /api/messages answers 500 (the channel delivers again) and a
  // proactive send rejects (the outbox retries). The cause is logged where it happened.
  adapter.onTurnError = async (_context, error) => {
    log.debug('bot framework turn failed', errorFields(error));
    // Only the status travels on (a push to a gone conversation: 403/404), never the internal text.
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    throw Object.assign(new Error('the turn was not handled; deliver it again'), typeof statusCode === 'number' ? { statusCode } : {});
  };

  const documents = telegramDocuments(runtime.issuedReceipts);
  const telegram = config.telegram
    ? createTelegramBot({ token: config.telegram.token, apiRoot: config.telegram.apiRoot, runner, localizer: runtime.localizer, files: runtime.files, documents })
    : undefined;
  const webhook = config.telegram?.webhook;

  // Charts and exports reach Bot Framework as links; the random token is the signature, and it expires.
  const fileUrl = (token: string) => `${config.publicUrl ?? url}/files/${token}`;
  /** Set once the process stops: readiness says so while the last updates finish. */
  let draining = false;
  const relay = config.webChat.directLine ? undefined : new DirectLineRelay(() => url, new SqlRelayConversations(orm), runtime.files, () => config.publicUrl ?? url, log, config.webChat.trustedProxies);
  const server = createServer({
    log,
    botFramework: {
      adapter,
      handler: new EnergobotActivityHandler(runner, fileUrl, runtime.identities, runtime.localizer),
      authenticated: config.botFramework.authenticated,
    },
    files: runtime.files,
    uploads: [relayUploadPath, ...operatorReplyPaths],
    ...(telegram && webhook && { telegramWebhook: { bot: telegram, secret: webhook.secret } }),
    draining: () => draining,
    metrics: { text: async () => ({ contentType: runtime.metrics.registry.contentType, body: await runtime.metrics.registry.metrics() }), token: config.operatorToken },
    health: async () => {
      const [database, flowState] = await Promise.all([probe(() => orm.em.fork().getConnection().execute('select 1')), redis ? probe(() => redis.ping()) : 'not configured' as const]);
      return { database, redis: flowState };
    },
  });
  const pushes = new ChatPushDelivery(
    runtime.pushes,
    createPushSender({
      partsSent: (id, count) => runtime.pushes.markPartsSent(id, count),
      localizer: runtime.localizer,
      identities: runtime.identities,
      files: runtime.files,
      fileUrl,
      telegram: telegram && broadcastApi(telegram),
      documents,
      receipts: { read: readMonth, archive: runtime.receipts },
      appealFiles: runtime.services.appealFiles,
      botFramework: { adapter, appId: config.botFramework.appId },
    }),
    log,
  );
  pushes.start(5_000);
  if (config.operatorToken) {
    mountOperatorApi(server, {
      token: config.operatorToken,
      services: { ...runtime.services, pushes: runtime.pushes, attachments: runtime.attachments },
      pushed: () => void Promise.all([pushes.kick(), mail.kick()]),
    });
  }
  // The sandbox card page only on the embedded default, or where asked for by name (the
  // configuration refuses PostgreSQL without a provider): it can settle any order.
  if (!runtime.yookassa) {
    if (config.sandboxAskedFor) log.warn('PAYMENTS_PROVIDER=sandbox: payments go to the test card page, anyone with a payment link can "pay" with a test card; never use this with real customers');
    mountSandboxPayments(server, {
      orders: runtime.orders,
      pushes: runtime.pushes,
      localizer: runtime.localizer,
      secret: config.sandboxPaymentsSecret,
      baseUrl: () => url,
      pushed: () => void pushes.kick(),
    });
  }
  let reconciling: NodeJS.Timeout | undefined;
  if (runtime.yookassa && config.yookassa) {
    const yookassa = {
      provider: runtime.yookassa,
      orders: runtime.orders,
      pushes: runtime.pushes,
      allowedIps: config.yookassa.allowedIps,
      pushed: () => void pushes.kick(),
      log,
    };
    mountYooKassa(server, yookassa);
    reconciling = setInterval(() => void reconcileYooKassa(yookassa, new Date()), 60_000);
  }
  mountEReceiptPages(server, { services: { eReceipts: runtime.eReceipts, pushes: runtime.pushes, settings: runtime.services.settings, mail: runtime.mailQueue }, localizer: runtime.localizer, timeZone: config.timeZone, pushed: () => void pushes.kick() });
  mountDesk(server, {
    operators: new SqlOperators(orm),
    services: { ...runtime.services, pushes: runtime.pushes, attachments: runtime.attachments },
    trustedProxies: config.webChat.trustedProxies,
    secureCookies: (config.publicUrl ?? '').startsWith('https://'),
    pushed: () => void Promise.all([pushes.kick(), mail.kick()]),
  });
  relay?.mount(server);
  mountWebChat(server, {
    tokens: config.webChat.directLine ? directLineTokens(config.webChat.directLine.secret, config.webChat.directLine.endpoint) : relayTokens(relay as DirectLineRelay),
    localizer: runtime.localizer,
    style: config.webChat.style,
    allowedOrigins: config.webChat.allowedOrigins,
    trustedProxies: config.webChat.trustedProxies,
    opened: (userId, address) => runtime.identities.recordOrigin({ channel: 'webchat', id: userId }, `ip:${address}`),
    log,
  });
  await new Promise<void>((resolve) => server.listen(config.port, config.host, resolve));
  const { port } = server.address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '::' ? '127.0.0.1' : config.host;
  url = `http://${host.includes(':') ? `[${host}]` : host}:${port}`;
  log.info('energobot is listening', { url, database: config.database.kind, flowState: redis ? 'redis' : 'memory' });

  const inboundMail =
    config.appeals.inbound && replyAddresses
      ? await startInboundSmtp({
          ...config.appeals.inbound,
          addresses: replyAddresses,
          open: async (number) => {
            const found = await runtime.services.appeals.thread(number);
            return found !== null && found.appeal.status !== 'closed';
          },
          answer: async (number, reply) => {
            // A mail cannot be asked again: files the rule refuses are left out, and the rest go.
            const files = reply.files.filter((file) => attachmentKind(file.bytes).ok).slice(0, attachmentLimits.files);
            if (files.length < reply.files.length) log.warn('files of an appeal reply by e-mail were left out', { appeal: number, leftOut: reply.files.length - files.length });
            await answerAppeal({ ...runtime.services, pushes: runtime.pushes, attachments: runtime.attachments }, number, { ...reply, files }, new Date());
            void Promise.all([pushes.kick(), mail.kick()]);
          },
          log,
        })
      : undefined;
  const alerting = setInterval(() => {
    alertUnansweredAppeals(runtime.services, config.appeals.supervisors, config.appeals.answerWithinHours, new Date()).then(
      (count) => count > 0 && void mail.kick(),
      (error: unknown) => log.warn('unanswered appeals not checked', errorFields(error)),
    );
  }, 5 * 60_000);

  const telegramStart = telegram ? startTelegram(telegram, { webhook, localizer: runtime.localizer, log }) : undefined;

  return {
    url,
    runtime,
    telegramReady: telegramStart?.ready ?? Promise.resolve(),
    mail,
    pushes,
    telegram,
    /** Stops taking updates, lets those in flight finish, leaves unsent mail and pushes to their outbox, closes the stores. */
    inboundSmtpPort: inboundMail?.port,
    async stop() {
      draining = true;
      clearInterval(reconciling);
      clearInterval(alerting);
      await inboundMail?.close();
      relay?.close();
      const closed = new Promise<void>((resolve) => server.close(() => resolve()));
      server.server.closeIdleConnections();
      await Promise.all([telegramStart?.stop(), closed, mail.stop(), pushes.stop()]);
      await runtime.close();
    },
  };
}

/** A dependency's health within 1.5 s: a hung store is «down», and /health still answers within 2 s. */
async function probe(check: () => Promise<unknown>): Promise<'ok' | 'down'> {
  let timer: NodeJS.Timeout | undefined;
  const timeout = new Promise<'down'>((resolve) => {
    timer = setTimeout(() => resolve('down'), 1_500);
  });
  try {
    return await Promise.race([check().then(() => 'ok' as const, () => 'down' as const), timeout]);
  } finally {
    clearTimeout(timer);
  }
}
