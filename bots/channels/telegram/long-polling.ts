import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { errorFields, type Log } from '../../../core/kernel/log';
import { handledWithRetries, pausedUnlessStopped, retryDelaysMs } from '../long-polling/update-retries';
import { telegramCallTimeoutSeconds } from './telegram-bot';

/** How long one getUpdates waits for news: less than a Bot API call may take. */
const longPollSeconds = telegramCallTimeoutSeconds - 4;

/**
 * Long polling that loses nothing: an update is confirmed to Telegram (the next offset) only
 * after it was handled. grammY's own `bot.start()` moves on past an update whose handler failed.
 */
export class LongPolling {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly bot: Bot,
    private readonly log: Log,
    private readonly allowedUpdates: readonly ('message' | 'callback_query')[],
  ) {}

  start(): void {
    this.running = this.loop();
  }

  /** Stops asking for updates and waits for the one being handled. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    let offset = 0;
    while (!this.stopping.signal.aborted) {
      let updates: Update[];
      try {
        updates = await this.bot.api.getUpdates(
          { offset, timeout: longPollSeconds, allowed_updates: [...this.allowedUpdates] },
          this.stopping.signal as Parameters<Bot['api']['getUpdates']>[1],
        );
      } catch (error) {
        if (this.stopping.signal.aborted) return;
        this.log.warn('telegram getUpdates failed, will retry', errorFields(error));
        await this.pause(retryDelaysMs[2] as number);
        continue;
      }
      for (const update of updates) {
        if (!(await this.handle(update))) return;
        offset = update.update_id + 1;
      }
    }
  }

  /** True once the update is handled (or given up); false when stopping cut its retries short. */
  private handle(update: Update): Promise<boolean> {
    return handledWithRetries(() => this.bot.handleUpdate(update), {
      platform: 'telegram',
      stopping: this.stopping.signal,
      log: this.log,
      fields: { updateId: update.update_id },
    });
  }

  private pause(ms: number): Promise<boolean> {
    return pausedUnlessStopped(ms, this.stopping.signal);
  }
}
