import type { Api } from '@maxhub/max-bot-api';
import { setTimeout as pause } from 'node:timers/promises';
import type { Localizer } from '../../../core/kernel/localizer';
import { errorFields, type Log } from '../../../core/kernel/log';
import { text } from '../../../core/kernel/text';
import { commandTasks } from '../../../core/runner/tasks';
import { MaxLongPolling, type PollMarkers } from './max-polling';
import { readUpdateTypes } from './max-updates';

const retryEveryMs = 10_000;

export interface MaxStart {
  /** Settles once MAX is set up, or when stopped first. */
  readonly ready: Promise<void>;
  stop(): Promise<void>;
}

export interface MaxStartOptions {
  readonly webhook: { readonly url: string; readonly secret: string } | undefined;
  readonly localizer: Localizer;
  readonly log: Log;
  readonly handle: (update: unknown) => Promise<void>;
  /** Long polling's marker, kept between runs. */
  readonly markers: PollMarkers;
  /** The bot's `username`, once `GET /me` told it (the deep links' address). */
  readonly known: (username: string) => void;
}

/**
 * Sets MAX up (the bot's name, its commands, the webhook or long polling) in the background,
 * trying again until MAX answers: the other channels serve at once even when MAX is unreachable.
 * Long polling gets nothing while a webhook is subscribed, so polling ends the token's
 * subscriptions first, as the library's own start does, and says so.
 */
export function startMax(api: Api, options: MaxStartOptions): MaxStart {
  const { webhook, log } = options;
  const stopping = new AbortController();
  let polling: MaxLongPolling | undefined;
  const ready = (async () => {
    while (!stopping.signal.aborted) {
      try {
        const me = await api.getMyInfo();
        if (me.username) options.known(me.username);
        // MAX keeps one command list per bot, in one language: an unlinked chat's, in Russian.
        await api.setMyCommands(
          commandTasks(false).map((task) => ({ name: task.action, description: options.localizer.format('ru', text(`action-${task.action}`)) })),
        );
        if (webhook) {
          const subscribed = await api.subscribe(webhook.url, webhook.secret, [...readUpdateTypes]);
          // MAX may answer 200 and refuse: that is tried again as an unreachable MAX is.
          if (!subscribed.success) throw new Error(`MAX refused the webhook subscription: ${subscribed.message ?? 'no reason given'}`);
          log.info('MAX webhook subscribed', { bot: me.username ?? me.user_id });
          return;
        }
        for (const subscription of await api.getSubscriptions()) {
          await api.unsubscribe(subscription.url);
          log.warn('MAX webhook subscription removed: long polling gets nothing while one is active', { url: new URL(subscription.url).host });
        }
        if (stopping.signal.aborted) return;
        polling = new MaxLongPolling(api, options.handle, log, options.markers);
        polling.start();
        log.info('MAX long polling', { bot: me.username ?? me.user_id });
        return;
      } catch (error) {
        log.warn('MAX is not reachable yet, will retry', errorFields(error));
        await pause(retryEveryMs, undefined, { signal: stopping.signal }).catch(() => undefined);
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
