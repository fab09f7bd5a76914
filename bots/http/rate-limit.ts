/** At most `limit` takes per key within a sliding window; one process's memory. */
export class RateLimit {
  private readonly takes = new Map<string, number[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True when the key may go on (and counts it). */
  take(key: string, now = Date.now()): boolean {
    const recent = (this.takes.get(key) ?? []).filter((at) => at > now - this.windowMs);
    if (recent.length >= this.limit) {
      this.takes.set(key, recent);
      return false;
    }
    recent.push(now);
    this.takes.set(key, recent);
    if (this.takes.size > 10_000) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, times] of this.takes) if (times.every((at) => at <= now - this.windowMs)) this.takes.delete(key);
  }
}
