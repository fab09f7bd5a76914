import type { Log } from '../../core/kernel/log';
import { maxApi } from '../channels/max/max-api';
import { createMaxBot } from '../channels/max/max-bot';
import type { MaxSending } from '../channels/max/max-send';
import { startMax, type MaxStart } from '../channels/max/max-startup';
import { SendPace } from '../channels/max/send-pace';
import { SqlPollMarkers } from '../../db/repositories/sql-poll-markers';
import type { Runtime } from './compose';
import type { Config } from './config';

/** MAX as the app runs it: the sending the pushes share with the replies, the updates' handler, and its start. */
export interface MaxChannel {
  readonly sending: MaxSending;
  handle(update: unknown): Promise<void>;
  start(): MaxStart;
  /** The bot's `username` once MAX told it: the deep links' `https://max.ru/<username>`. */
  username(): string | null;
}

/** The MAX bot, when a token is given: one pace for its replies and its pushes, so together they keep MAX's limits. */
export function maxChannelOf(config: Pick<Config, 'max'>, runtime: Runtime, log: Log): MaxChannel | undefined {
  const max = config.max;
  if (!max) return undefined;
  let username: string | null = null;
  const sending: MaxSending = { api: maxApi(max.token, { apiRoot: max.apiRoot }), files: runtime.files, pace: new SendPace() };
  const bot = createMaxBot({ ...sending, runner: runtime.runner, localizer: runtime.localizer, log, username: () => username });
  return {
    sending,
    handle: (update) => bot.handle(update),
    start: () =>
      startMax(sending.api, {
        webhook: max.webhook,
        localizer: runtime.localizer,
        log,
        handle: (update) => bot.handle(update),
        markers: new SqlPollMarkers(runtime.orm, 'max'),
        known: (name) => (username = name),
      }),
    username: () => username,
  };
}
