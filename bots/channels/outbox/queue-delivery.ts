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

/** One run of `deliverDue`, shared by its lanes: what is claimed and waits, which lanes are busy, what came of it. */
interface DeliveryRun<T> {
  readonly batch: number;
  readonly parallel: number;
  readonly lease: number;
  readonly laneOf: (item: T) => string;
  readonly waiting: T[];
  readonly busy: Set<string>;
  readonly givenUp: Set<number>;
  /** Lanes with a failure in this run: their later items wait for the next, behind it. */
  readonly stalled: Set<string>;
  sent: number;
  more: boolean;
  failure: unknown;
  claiming: Promise<void> | undefined;
  /** Wakes the lanes waiting in `laneFreed`; each wait is then for the next lane to be freed. */
  freeLane: () => void;
  laneFreed: Promise<void>;
}

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
    const run = this.newRun();
    await Promise.all(Array.from({ length: run.parallel }, () => this.work(run)));
    if (run.failure) this.log.error(`${this.name} queue unavailable`, errorFields(run.failure));
    return run.sent;
  }

  private newRun(): DeliveryRun<T> {
    const batch = this.options.batch ?? 20;
    const parallel = this.options.lanes?.parallel ?? 1;
    // An item waits behind at most two batches shared by the lanes, then takes one send.
    const lease = this.options.sendTimeoutMs * (1 + Math.ceil((2 * batch) / parallel)) + 5_000;
    const run: DeliveryRun<T> = {
      batch,
      parallel,
      lease,
      laneOf: this.options.lanes?.of ?? (() => ''),
      waiting: [],
      busy: new Set(),
      givenUp: new Set(),
      stalled: new Set(),
      sent: 0,
      more: true,
      failure: undefined,
      claiming: undefined,
      freeLane: () => {},
      laneFreed: Promise.resolve(),
    };
    run.laneFreed = new Promise<void>((resolve) => (run.freeLane = resolve));
    return run;
  }

  /** The next batch, claimed into the run; one claim at a time. */
  private claim(run: DeliveryRun<T>): Promise<void> {
    return (run.claiming ??= this.queue
      .claimDue(run.batch, run.lease)
      .then(
        (items) => {
          run.waiting.push(...items);
          run.more = items.length === run.batch;
        },
        (error: unknown) => {
          run.failure = error;
          run.more = false;
        },
      )
      .finally(() => (run.claiming = undefined)));
  }

  /** The next item whose lane is free: a chat's items go one after another, in order. */
  private async next(run: DeliveryRun<T>): Promise<T | undefined> {
    const { waiting, laneOf } = run;
    for (;;) {
      if (this.stopping) return undefined;
      // A broadcast keeps the next batch in hand before this one runs out.
      if (run.more && waiting.length < run.batch) void this.claim(run);
      for (let at = waiting.length - 1; at >= 0; at -= 1) if (run.stalled.has(laneOf(waiting[at] as T))) waiting.splice(at, 1);
      const index = waiting.findIndex((item) => !run.busy.has(laneOf(item)) && !run.givenUp.has(item.id));
      if (index >= 0) {
        const [item] = waiting.splice(index, 1) as [T];
        // Taken here, not by the caller: another lane resuming in the same tick must see it busy.
        run.busy.add(laneOf(item));
        return item;
      }
      if (run.claiming) await run.claiming;
      else if (waiting.some((item) => !run.givenUp.has(item.id))) await run.laneFreed;
      else return undefined;
    }
  }

  /** One lane's worker: sends item after item until none is left that it may take. */
  private async work(run: DeliveryRun<T>): Promise<void> {
    for (let item = await this.next(run); item; item = await this.next(run)) {
      const lane = run.laneOf(item);
      try {
        await withTimeout((signal) => this.send(item, signal), this.options.sendTimeoutMs);
        await this.queue.markSent(item.id);
        run.sent += 1;
      } catch (error) {
        if (this.options.lanes) run.stalled.add(lane);
        const ids = await this.failed(item, error).catch((unrecorded: unknown) => {
          run.failure = unrecorded;
          return [];
        });
        for (const id of ids) run.givenUp.add(id);
      } finally {
        run.busy.delete(lane);
        run.freeLane();
        run.laneFreed = new Promise<void>((resolve) => (run.freeLane = resolve));
      }
    }
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
