import { chatChannels } from '../../../core/kernel/channel';
import type { ChatPushQueues, DuePush, FailureVerdict } from '../../../core/features/outbox/ports';
import type { Log } from '../../../core/kernel/log';
import { PlatformError } from '../../../core/kernel/platform-error';
import { QueueDelivery } from './queue-delivery';

/** One push may take this long on its platform. */
export const pushSendTimeoutMs = 15_000;

/**
 * The outbox of pushes, worked through per channel: Telegram unreachable never delays a web
 * chat's pushes, nor the other way round.
 */
export class ChatPushDelivery {
  private readonly workers: QueueDelivery<DuePush>[];

  constructor(pushes: ChatPushQueues, send: (push: DuePush, signal: AbortSignal) => Promise<void>, log: Log) {
    this.workers = chatChannels.map(
      (channel) =>
        new QueueDelivery(
          `chat push (${channel})`,
          pushes.forChannel(channel),
          // Claimed before its time was up and reached after (a backlog, a platform back at last): not sent at night.
          async (push, signal) => {
            if (!(await pushes.expired(push))) await send(push, signal);
          },
          log,
          {
            sendTimeoutMs: pushSendTimeoutMs,
            verdict: pushVerdict,
            // A broadcast (a month's receipts) keeps Telegram's 30 messages a second busy: many chats
            // at once, each chat's pushes in order; the Bot API throttler keeps the pace.
            batch: 40,
            lanes: { of: (push) => push.chat.id, parallel: 40 },
          },
        ),
    );
  }

  start(intervalMs: number): void {
    for (const worker of this.workers) worker.start(intervalMs);
  }

  /** Delivers what is due now on every channel. */
  kick(): Promise<unknown> {
    return Promise.all(this.workers.map((worker) => worker.kick()));
  }

  async stop(graceMs?: number): Promise<void> {
    await Promise.all(this.workers.map((worker) => worker.stop(graceMs)));
  }
}

/**
 * Telegram's `403` (the customer blocked the bot), MAX's and Bot Framework's `403`/`404` (the bot
 * stopped, the chat or the conversation gone) end a chat's pushes; Telegram's `429` says how
 * long to wait, MAX's does not (its limits are a second long: the outbox's next try is later).
 */
export function pushVerdict(error: unknown): FailureVerdict {
  if (!(error instanceof PlatformError)) return {};
  if (error.platform === 'telegram') {
    if (error.status === 403) return { gone: true };
    return error.retryAfterSeconds === undefined ? {} : { retryAfterMs: error.retryAfterSeconds * 1000 };
  }
  return error.status === 403 || error.status === 404 ? { gone: true } : {};
}
