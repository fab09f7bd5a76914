import { mountDesk } from '../channels/desk/desk-routes';
import { SqlCannedAnswers } from '../../db/repositories/sql-canned-answers';
import type { Server as HttpServer } from 'restify';
import { mountOperatorApi } from '../channels/operator-api/operator-routes';
import { mountBillingEvents } from '../integrations/billing/billing-events-route';
import { SqlBillingEvents } from '../../db/repositories/sql-billing-events';
import { mountEReceiptPages } from '../channels/pages/e-receipt-routes';
import type { DirectLineRelay } from '../channels/webchat/direct-line-relay';
import { mountWebChat } from '../channels/webchat/webchat-routes';
import { pageLocale } from '../channels/pages/html-page';
import { directLineTokens, relayTokens } from '../channels/webchat/webchat-tokens';
import { SqlOperators } from '../../db/repositories/sql-operators';
import type { Log } from '../../core/kernel/log';
import { mountSandboxPayments } from '../integrations/payments/sandbox-routes';
import { mountYooKassa, reconcileYooKassa } from '../integrations/payments/yookassa-routes';
import type { Runtime } from './compose';
import type { Config } from './config';

/** How often orders YooKassa has not called back about are asked after. */
const reconcileEveryMs = 60_000;

/** What the HTTP surfaces need besides the runtime: the server's URL once known, and a kick for the outboxes. */
export interface SurfaceWiring {
  readonly url: () => string;
  /** Something was queued: the outboxes look at once. */
  readonly queued: () => void;
  readonly relay: DirectLineRelay | undefined;
}

/** The operators' API and desk, the e-receipt pages and the web chat page. */
export function mountSurfaces(server: HttpServer, config: Config, runtime: Runtime, log: Log, wiring: SurfaceWiring): void {
  const services = {
    ...runtime.services,
    pushes: runtime.pushes,
    broadcasts: runtime.pushes,
    attachments: runtime.attachments,
    readingPhotos: runtime.readingPhotos,
    interruptions: runtime.interruptions,
    linkedAddresses: runtime.linkedAddresses,
  };
  if (config.operatorToken) mountOperatorApi(server, { token: config.operatorToken, services, pushed: wiring.queued });
  if (config.billingEventsSecret)
    mountBillingEvents(server, {
      secret: config.billingEventsSecret,
      services: { ...services, orders: runtime.orders, cache: runtime.billingCache, events: new SqlBillingEvents(runtime.orm) },
      clock: runtime.services.clock,
      log,
      pushed: wiring.queued,
    });
  mountEReceiptPages(server, {
    services: { eReceipts: runtime.eReceipts, pushes: runtime.pushes, settings: runtime.services.settings, mail: runtime.mailQueue },
    localizer: runtime.localizer,
    timeZone: config.timeZone,
    pushed: wiring.queued,
  });
  mountDesk(server, {
    operators: new SqlOperators(runtime.orm),
    services: { ...services, cannedAnswers: new SqlCannedAnswers(runtime.orm) },
    answerWithinHours: config.appeals.answerWithinHours,
    trustedProxies: config.webChat.trustedProxies,
    secureCookies: (config.publicUrl ?? '').startsWith('https://'),
    pushed: wiring.queued,
  });
  wiring.relay?.mount(server);
  mountWebChat(server, {
    tokens: config.webChat.directLine
      ? directLineTokens(config.webChat.directLine.secret, config.webChat.directLine.endpoint)
      : relayTokens(wiring.relay as DirectLineRelay),
    localizer: runtime.localizer,
    style: config.webChat.style,
    allowedOrigins: config.webChat.allowedOrigins,
    trustedProxies: config.webChat.trustedProxies,
    opened: (userId, address) => runtime.identities.recordOrigin({ channel: 'webchat', id: userId }, `ip:${address}`),
    chosenLocale: (userId) => runtime.identities.locale({ channel: 'webchat', id: userId }),
    log,
  });
}

/**
 * The payment provider's routes. The sandbox card page only on the embedded default, or where
 * asked for by name (the configuration refuses PostgreSQL without a provider): it can settle any
 * order. Returns the timer that asks YooKassa about orders it did not call back about.
 */
export function mountPayments(server: HttpServer, config: Config, runtime: Runtime, log: Log, wiring: SurfaceWiring): NodeJS.Timeout | undefined {
  if (runtime.yookassa && config.yookassa) {
    const yookassa = {
      provider: runtime.yookassa,
      orders: runtime.orders,
      pushes: runtime.pushes,
      allowedIps: config.yookassa.allowedIps,
      pushed: wiring.queued,
      log,
    };
    mountYooKassa(server, yookassa);
    return setInterval(() => void reconcileYooKassa(yookassa, new Date()), reconcileEveryMs);
  }
  if (config.sandboxAskedFor)
    log.warn(
      'PAYMENTS_PROVIDER=sandbox: payments go to the test card page, anyone with a payment link can "pay" with a test card; never use this with real customers',
    );
  mountSandboxPayments(server, {
    orders: runtime.orders,
    pushes: runtime.pushes,
    localizer: runtime.localizer,
    secret: config.sandboxPaymentsSecret,
    baseUrl: wiring.url,
    pushed: wiring.queued,
    pageLocale: async (req, chat) => pageLocale(req, chat && (await runtime.identities.locale(chat))),
  });
  return undefined;
}
