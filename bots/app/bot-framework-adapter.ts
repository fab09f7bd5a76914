import { CloudAdapter, ConfigurationBotFrameworkAuthentication } from 'botbuilder';
import { errorFields, type Log } from '../../core/kernel/log';
import type { Config } from './config';

/**
 * Bot Framework's adapter. A turn that failed is a failure: /api/messages answers 500 (the
 * channel delivers again) and a proactive send rejects (the outbox retries, or gives up on the
 * connector's refusal, which the push sender keeps as a `PlatformError`). The cause is logged
 * here, by its kind; its text never travels on.
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
    throw new Error('the turn was not handled; deliver it again');
  };
  return adapter;
}
