import { errorFields, type Log } from '../app/log';

export interface DeliveryQueue<T extends { readonly id: number; readonly attempts: number }> {
  claimDue(limit: number, leaseMs: number): Promise<T[]>;
  markSent(id: number): Promise<void>;
  markFailed(id: number, error: string, retryAt: Date): Promise<void>;
}

const retryDelaysMs = [30_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
const leaseMs = 5 * 60_000;

/** Works through an outbox table in the background, with retries that back off, until `stop`. */
export class QueueDelivery<T extends { readonly id: number; readonly attempts: number }> {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly name: string,
    private readonly queue: DeliveryQueue<T>,
    private readonly send: (item: T) => Promise<void>,
    private readonly log: Log,
    /** How long the receiving side asked us to wait (Telegram's `retry_after`), if it said. */
    private readonly askedToWaitMs: (error: unknown) => number | undefined = () => undefined,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => this.kick(), intervalMs);
  }

  /** Delivers what is due now, without waiting for the next tick (one run at a time). */
  kick(): Promise<unknown> {
    this.running = this.running.then(() => this.deliverDue());
    return this.running;
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async deliverDue(): Promise<number> {
    let sent = 0;
    try {
      for (const item of await this.queue.claimDue(20, leaseMs)) {
        try {
          await this.send(item);
          await this.queue.markSent(item.id);
          sent += 1;
        } catch (error) {
          const backoff = retryDelaysMs[Math.min(item.attempts, retryDelaysMs.length - 1)] as number;
          const delay = Math.max(backoff, this.askedToWaitMs(error) ?? 0);
          await this.queue.markFailed(item.id, String(error), new Date(Date.now() + delay));
          this.log.warn(`${this.name} not delivered, will retry`, { id: item.id, ...errorFields(error) });
        }
      }
    } catch (error) {
      this.log.error(`${this.name} queue unavailable`, errorFields(error));
    }
    return sent;
  }
}
