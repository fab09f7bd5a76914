import type { Bot } from 'grammy';
import type { Update } from 'grammy/types';
import { errorFields, type Log } from '../../../core/kernel/log';
import { telegramCallTimeoutSeconds } from './telegram-bot';

/** How long one getUpdates waits for news: less than a Bot API call may take. */
const longPollSeconds = telegramCallTimeoutSeconds - 4;

/** Waits between attempts at one update: a failure is retried before the offset moves on. */
const retryDelaysMs = [500, 1000, 2000, 5000, 10_000, 30_000];
/** An update that fails this many times in a row (about ten minutes) is given up, loudly. */
const maxAttempts = 25;

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
  private async handle(update: Update): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.bot.handleUpdate(update);
        return true;
      } catch (error) {
        if (attempt >= maxAttempts) {
          this.log.error('telegram update given up after repeated failures', { updateId: update.update_id, attempts: attempt, ...errorFields(error) });
          return true;
        }
        this.log.warn('telegram update not handled, will retry', { updateId: update.update_id, attempt, ...errorFields(error) });
        if (!(await this.pause(retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)] as number))) return false;
      }
    }
  }

  /** Waits, or stops waiting when polling stops; true when the wait ran its course. */
  private pause(ms: number): Promise<boolean> {
    return new Promise((resolve) => {
      if (this.stopping.signal.aborted) return resolve(false);
      const timer = setTimeout(() => resolve(true), ms);
      this.stopping.signal.addEventListener('abort', () => {
        clearTimeout(timer);
        resolve(false);
      });
    });
  }
}
