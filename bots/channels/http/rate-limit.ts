/** At most `limit` per key within a sliding window (takes, or bytes when each take weighs its size); one process's memory. */
export class RateLimit {
  private readonly takes = new Map<string, { at: number; amount: number }[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True when `amount` more fit the key's limit (and counts them). */
  take(key: string, amount = 1, now = Date.now()): boolean {
    const recent = (this.takes.get(key) ?? []).filter((entry) => entry.at > now - this.windowMs);
    if (recent.reduce((sum, entry) => sum + entry.amount, 0) + amount > this.limit) {
      this.takes.set(key, recent);
      return false;
    }
    recent.push({ at: now, amount });
    this.takes.set(key, recent);
    if (this.takes.size > 10_000) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, entries] of this.takes) if (entries.every((entry) => entry.at <= now - this.windowMs)) this.takes.delete(key);
  }
}
