import type { Bot } from 'grammy';
import type { Localizer } from '../../../core/kernel/localizer';
import { errorFields, type Log } from '../../../core/kernel/log';
import { LongPolling } from './long-polling';
import { registerCommands } from './chat-commands';

const allowedUpdates = ['message', 'callback_query'] as const;
const retryEveryMs = 10_000;

export interface TelegramStart {
  /** Settles once Telegram is set up, or when stopped first. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

/**
 * Sets Telegram up (bot info, command list, webhook or long polling) in the background, trying
 * again until Telegram answers: web chat serves at once even when Telegram is unreachable.
 */
export function startTelegram(
  bot: Bot,
  options: { readonly webhook: { readonly url: string; readonly secret: string } | undefined; readonly localizer: Localizer; readonly log: Log },
): TelegramStart {
  const { webhook, log } = options;
  const stopping = new AbortController();
  let polling: LongPolling | undefined;
  const ready = (async () => {
    while (!stopping.signal.aborted) {
      try {
        await bot.init();
        await registerCommands(bot.api, options.localizer);
        if (webhook) {
          await bot.api.setWebhook(webhook.url, { secret_token: webhook.secret, allowed_updates: [...allowedUpdates] });
          log.info('telegram webhook set', { bot: bot.botInfo.username });
        } else {
          await bot.api.deleteWebhook();
          if (stopping.signal.aborted) return;
          polling = new LongPolling(bot, log, allowedUpdates);
          polling.start();
          log.info('telegram long polling', { bot: bot.botInfo.username });
        }
        return;
      } catch (error) {
        log.warn('telegram is not reachable yet, will retry', errorFields(error));
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, retryEveryMs);
          stopping.signal.addEventListener('abort', () => {
            clearTimeout(timer);
            resolve();
          });
        });
      }
    }
  })();
  return {
    ready,
    async stop() {
      stopping.abort();
      await polling?.stop();
    },
  };
}
