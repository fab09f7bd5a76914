import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { errorFields, type Log } from '../../core/kernel/log';
import type { Config } from './config';

/**
 * Bot Framework's adapter. A turn that failed is a failure: /api/messages answers 500 (the
 * channel delivers again) and a proactive send rejects (the outbox retries). The cause is logged
 * where it happened; only its status travels on (a push to a gone conversation: 403/404), never
 * the internal text.
 */
export function botFrameworkAdapter(config: Pick<Config, 'botFramework'>, log: Log): CloudAdapter {
  const adapter = new CloudAdapter(
    new ConfigurationBotFrameworkAuthentication({
      MicrosoftAppId: config.botFramework.appId,
      MicrosoftAppPassword: config.botFramework.appPassword,
      MicrosoftAppTenantId: config.botFramework.tenantId,
      MicrosoftAppType: config.botFramework.appType,
    }),
  );
  adapter.onTurnError = async (_context, error) => {
    log.debug('bot framework turn failed', errorFields(error));
    const statusCode = (error as { statusCode?: unknown }).statusCode;
    throw Object.assign(new Error('the turn was not handled; deliver it again'), typeof statusCode === 'number' ? { statusCode } : {});
  };
  return adapter;
}
