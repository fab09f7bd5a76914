import { autoRetry } from '@grammyjs/auto-retry';
import { apiThrottler } from '@grammyjs/transformer-throttler';
import { Api, type Bot } from 'grammy';

/**
 * The Bot API for pushes: Telegram takes about 30 messages a second from a bot, and one a second
 * into a chat; a broadcast keeps under both (replies to customers do not wait behind it).
 */
export function broadcastApi(bot: Bot): Api {
  const api = new Api(bot.token, bot.api.options);
  // Evenly spaced (one send every 34 ms, about 29 a second) rather than 30 at the top of each
  // second: no second-long window ever holds more than Telegram takes. One a second into a chat.
  api.config.use(apiThrottler({ global: { minTime: 34 }, out: { maxConcurrent: 1, minTime: 1000 } }));
  // Installed last, so it runs first: a retry after `retry_after` queues in the throttler again.
  api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5, rethrowHttpErrors: true }));
  return api;
}
