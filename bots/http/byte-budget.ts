/** At most `limit` bytes per key within a sliding window; one process's memory. */
export class ByteBudget {
  private readonly spent = new Map<string, { at: number; bytes: number }[]>();

  constructor(
    private readonly limit: number,
    private readonly windowMs: number,
  ) {}

  /** True when `bytes` more fit the key's budget (and counts them). */
  take(key: string, bytes: number, now = Date.now()): boolean {
    const recent = (this.spent.get(key) ?? []).filter((entry) => entry.at > now - this.windowMs);
    if (recent.reduce((sum, entry) => sum + entry.bytes, 0) + bytes > this.limit) {
      this.spent.set(key, recent);
      return false;
    }
    recent.push({ at: now, bytes });
    this.spent.set(key, recent);
    if (this.spent.size > 10_000) this.sweep(now);
    return true;
  }

  private sweep(now: number): void {
    for (const [key, entries] of this.spent) if (entries.every((entry) => entry.at <= now - this.windowMs)) this.spent.delete(key);
  }
}
