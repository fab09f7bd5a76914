import type { Api } from '@maxhub/max-bot-api';
import { setTimeout as pause } from 'node:timers/promises';
import { errorFields, type Log } from '../../../core/kernel/log';
import { maxCallTimeoutMs } from './max-api';
import { readUpdateTypes } from './max-updates';

/** How long one `GET /updates` waits for news: less than a call may take. */
const longPollSeconds = Math.floor(maxCallTimeoutMs / 1000) - 4;
/** MAX asks long polling to stay within 2 requests a second. */
const minPollGapMs = 500;
/** Waits between attempts at one update: a failure is retried before the marker moves on. */
const retryDelaysMs = [500, 1000, 2000, 5000, 10_000, 30_000];
/** An update that fails this many times in a row (about ten minutes) is given up, loudly. */
const maxAttempts = 25;

/**
 * Long polling that loses nothing: MAX takes a batch as received only when the next request
 * carries its marker, and that request goes only once each update of the batch was handled, one
 * after the other (one chat's in the order sent). The library's own polling moves the marker on
 * first and handles a batch all at once.
 */
export class MaxLongPolling {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: Api,
    private readonly handle: (update: unknown) => Promise<void>,
    private readonly log: Log,
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
    let marker: number | undefined;
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const asked = performance.now();
      let batch: { readonly updates: readonly unknown[]; readonly marker?: number | null };
      try {
        batch = await this.api.getUpdates([...readUpdateTypes], { timeout: longPollSeconds, limit: 100, ...(marker !== undefined && { marker }), signal });
      } catch (error) {
        if (signal.aborted) return;
        this.log.warn('MAX getUpdates failed, will retry', errorFields(error));
        if (!(await this.wait(retryDelaysMs[3] as number))) return;
        continue;
      }
      for (const update of batch.updates) if (!(await this.handled(update))) return;
      if (typeof batch.marker === 'number') marker = batch.marker;
      if (!(await this.wait(minPollGapMs - (performance.now() - asked)))) return;
    }
  }

  /** True once the update is handled (or given up); false when stopping cut its retries short. */
  private async handled(update: unknown): Promise<boolean> {
    for (let attempt = 1; ; attempt += 1) {
      try {
        await this.handle(update);
        return true;
      } catch (error) {
        const kind = (update as { update_type?: unknown } | null)?.update_type;
        if (attempt >= maxAttempts) {
          this.log.error('MAX update given up after repeated failures', { updateType: String(kind), attempts: attempt, ...errorFields(error) });
          return true;
        }
        this.log.warn('MAX update not handled, will retry', { updateType: String(kind), attempt, ...errorFields(error) });
        if (!(await this.wait(retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)] as number))) return false;
      }
    }
  }

  /** Waits, or stops waiting when polling stops; true when the wait ran its course. */
  private async wait(ms: number): Promise<boolean> {
    if (ms <= 0) return !this.stopping.signal.aborted;
    return pause(ms, true, { signal: this.stopping.signal }).catch(() => false);
  }
}
