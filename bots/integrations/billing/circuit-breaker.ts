/**
 * One billing endpoint's circuit: after `failuresToOpen` failures in a row it opens, and calls
 * fail at once (the cache answers, or a clear word) instead of each waiting for a timeout; after
 * `openMs` one call is let through to try, and its outcome closes or opens it again.
 */
export class CircuitBreaker {
  private failures = 0;
  private openedAt: number | null = null;
  private trying = false;

  constructor(
    private readonly clock: () => number,
    private readonly failuresToOpen = 5,
    private readonly openMs = 30_000,
  ) {}

  /** Whether a call may go now; a call let through while open is the one trial. */
  allows(): boolean {
    if (this.openedAt === null) return true;
    if (this.trying || this.clock() - this.openedAt < this.openMs) return false;
    this.trying = true;
    return true;
  }

  succeeded(): void {
    this.failures = 0;
    this.openedAt = null;
    this.trying = false;
  }

  failed(): void {
    this.failures += 1;
    if (this.trying || this.failures >= this.failuresToOpen) this.openedAt = this.clock();
    this.trying = false;
  }

  get open(): boolean {
    return this.openedAt !== null;
  }
}
