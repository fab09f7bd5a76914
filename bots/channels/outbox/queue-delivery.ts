import type { DeliveryQueue, FailureVerdict } from '../../../core/features/outbox/ports';
import { errorFields, type Log } from '../../../core/kernel/log';

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
    /** Sends one item; `signal` is aborted when the send's time is up, so that nothing of it goes on afterwards (a platform client's own retries). */
    private readonly send: (item: T, signal: AbortSignal) => Promise<void>,
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
    const batch = this.options.batch ?? 20;
    const parallel = this.options.lanes?.parallel ?? 1;
    const laneOf = this.options.lanes?.of ?? (() => '');
    // An item waits behind at most two batches shared by the lanes, then takes one send.
    const lease = this.options.sendTimeoutMs * (1 + Math.ceil((2 * batch) / parallel)) + 5_000;
    const waiting: T[] = [];
    const busy = new Set<string>();
    const givenUp = new Set<number>();
    /** Lanes with a failure in this run: their later items wait for the next, behind it. */
    const stalled = new Set<string>();
    let sent = 0;
    let more = true;
    let failure: unknown;
    let claiming: Promise<void> | undefined;
    let freeLane = () => {};
    let laneFreed = new Promise<void>((resolve) => (freeLane = resolve));
    const claim = () =>
      (claiming ??= this.queue
        .claimDue(batch, lease)
        .then(
          (items) => {
            waiting.push(...items);
            more = items.length === batch;
          },
          (error: unknown) => {
            failure = error;
            more = false;
          },
        )
        .finally(() => (claiming = undefined)));
    /** The next item whose lane is free: a chat's items go one after another, in order. */
    const next = async (): Promise<T | undefined> => {
      for (;;) {
        if (this.stopping) return undefined;
        // A broadcast keeps the next batch in hand before this one runs out.
        if (more && waiting.length < batch) void claim();
        for (let at = waiting.length - 1; at >= 0; at -= 1) if (stalled.has(laneOf(waiting[at] as T))) waiting.splice(at, 1);
        const index = waiting.findIndex((item) => !busy.has(laneOf(item)) && !givenUp.has(item.id));
        if (index >= 0) {
          const [item] = waiting.splice(index, 1) as [T];
          // Taken here, not by the caller: another lane resuming in the same tick must see it busy.
          busy.add(laneOf(item));
          return item;
        }
        if (claiming) await claiming;
        else if (waiting.some((item) => !givenUp.has(item.id))) await laneFreed;
        else return undefined;
      }
    };
    const work = async () => {
      for (let item = await next(); item; item = await next()) {
        const lane = laneOf(item);
        try {
          await withTimeout((signal) => this.send(item, signal), this.options.sendTimeoutMs);
          await this.queue.markSent(item.id);
          sent += 1;
        } catch (error) {
          if (this.options.lanes) stalled.add(lane);
          const ids = await this.failed(item, error).catch((unrecorded: unknown) => {
            failure = unrecorded;
            return [];
          });
          for (const id of ids) givenUp.add(id);
        } finally {
          busy.delete(lane);
          freeLane();
          laneFreed = new Promise<void>((resolve) => (freeLane = resolve));
        }
      }
    };
    await Promise.all(Array.from({ length: parallel }, work));
    if (failure) this.log.error(`${this.name} queue unavailable`, errorFields(failure));
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

function withTimeout<R>(work: (signal: AbortSignal) => Promise<R>, ms: number): Promise<R> {
  const timeUp = new AbortController();
  let timer: NodeJS.Timeout | undefined;
  const late = new Promise<never>((_, reject) => {
    timer = setTimeout(() => {
      timeUp.abort();
      reject(new SendTimeoutError(ms));
    }, ms);
  });
  return Promise.race([work(timeUp.signal), late]).finally(() => clearTimeout(timer));
}
