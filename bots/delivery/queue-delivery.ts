import type { DeliveryQueue } from '../../db/repositories/outbox-table';
import { errorFields, type Log } from '../app/log';

/** What a failed send says about the next attempt. */
export interface FailureVerdict {
  /** How long the receiving side asked us to wait (Telegram's `retry_after`). */
  readonly retryAfterMs?: number;
  /** The receiving side will never take it. */
  readonly gone?: boolean;
}

export interface QueueDeliveryOptions<T> {
  /** One send may take this long; past it, it counts as failed. */
  readonly sendTimeoutMs: number;
  readonly verdict?: (error: unknown) => FailureVerdict;
  /** Items claimed at a time (20 unless given). */
  readonly batch?: number;
  /** Items of one lane (one chat) go in order; this many lanes at once (1 unless given). */
  readonly lanes?: { readonly of: (item: T) => string; readonly parallel: number };
}

const retryDelaysMs = [30_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];

export class SendTimeoutError extends Error {
  constructor(readonly afterMs: number) {
    super(`no answer within ${afterMs} ms`);
  }
}

/**
 * Works through an outbox table in the background, with retries that back off, until `stop`.
 * A claimed batch is leased for as long as its sends may take, so a crash mid-send delivers the
 * unfinished items again (each at most once more) as soon as the lease runs out.
 */
export class QueueDelivery<T extends { readonly id: number; readonly attempts: number }> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();
  private stopping = false;

  constructor(
    private readonly name: string,
    private readonly queue: DeliveryQueue<T>,
    private readonly send: (item: T) => Promise<void>,
    private readonly log: Log,
    private readonly options: QueueDeliveryOptions<T>,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => void this.kick(), intervalMs);
  }

  /** Delivers what is due now, without waiting for the next tick (one run at a time). */
  kick(): Promise<unknown> {
    this.running = this.running.then(() => this.deliverDue());
    return this.running;
  }

  /** Takes no more items and waits for the send in flight at most `graceMs`: an unfinished one is retried after its lease. */
  async stop(graceMs = 2_000): Promise<void> {
    this.stopping = true;
    clearInterval(this.timer);
    let timer: NodeJS.Timeout | undefined;
    await Promise.race([this.running, new Promise((resolve) => (timer = setTimeout(resolve, graceMs)))]);
    clearTimeout(timer);
  }

  async deliverDue(): Promise<number> {
    let sent = 0;
    try {
      // Long enough for the whole batch: lanes work through it a send at a time each.
      const batch = this.options.batch ?? 20;
      const lease = this.options.sendTimeoutMs * Math.ceil(batch / (this.options.lanes?.parallel ?? 1)) + 5_000;
      const givenUp = new Set<number>();
      // A full batch means more may wait (a broadcast): go on until the outbox has no more due.
      for (let claimed = batch; claimed === batch && !this.stopping; ) {
        const items = await this.queue.claimDue(batch, lease);
        claimed = items.length;
        const lanes = new Map<string, T[]>();
        for (const item of items) {
          const lane = this.options.lanes?.of(item) ?? '';
          lanes.set(lane, [...(lanes.get(lane) ?? []), item]);
        }
        const waiting = [...lanes.values()];
        const work = async () => {
          for (let lane = waiting.shift(); lane; lane = waiting.shift()) {
            for (const item of lane) {
              if (this.stopping) return;
              if (givenUp.has(item.id)) continue;
              try {
                await withTimeout(this.send(item), this.options.sendTimeoutMs);
                await this.queue.markSent(item.id);
                sent += 1;
              } catch (error) {
                for (const id of await this.failed(item, error)) givenUp.add(id);
              }
            }
          }
        };
        await Promise.all(Array.from({ length: this.options.lanes?.parallel ?? 1 }, work));
      }
    } catch (error) {
      this.log.error(`${this.name} queue unavailable`, errorFields(error));
    }
    return sent;
  }

  /** Records the failure; the ids of the items given up with it. */
  private async failed(item: T, error: unknown): Promise<readonly number[]> {
    const verdict = this.options.verdict?.(error) ?? {};
    if (verdict.gone) {
      const ids = await this.queue.markGaveUp(item.id, String(error));
      this.log.warn(`${this.name} can never be delivered, given up`, { id: item.id, with: ids.length, ...errorFields(error) });
      return ids;
    }
    const backoff = retryDelaysMs[Math.min(item.attempts, retryDelaysMs.length - 1)] as number;
    const delay = Math.max(backoff, verdict.retryAfterMs ?? 0);
    await this.queue.markFailed(item.id, String(error), new Date(Date.now() + delay));
    this.log.warn(`${this.name} not delivered, will retry`, { id: item.id, ...errorFields(error) });
    return [];
  }
}

function withTimeout<R>(work: Promise<R>, ms: number): Promise<R> {
  let timer: NodeJS.Timeout | undefined;
  return Promise.race([work, new Promise<never>((_, reject) => (timer = setTimeout(() => reject(new SendTimeoutError(ms)), ms)))]).finally(() => clearTimeout(timer));
}
