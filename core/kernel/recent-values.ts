/**
 * Values kept in memory for a while, at most `most` of them: the least recently used goes first,
 * so a long-running process holding a few per account never grows without end.
 */
export class RecentValues<V> {
  private readonly values = new Map<string, { readonly value: V; readonly until: number }>();

  constructor(
    private readonly most: number,
    private readonly keptMs = Number.POSITIVE_INFINITY,
  ) {}

  get(key: string, now = Date.now()): V | undefined {
    const kept = this.values.get(key);
    this.values.delete(key);
    if (!kept || kept.until <= now) return undefined;
    this.values.set(key, kept);
    return kept.value;
  }

  set(key: string, value: V, now = Date.now()): void {
    this.values.delete(key);
    this.values.set(key, { value, until: now + this.keptMs });
    if (this.values.size > this.most) this.values.delete(this.values.keys().next().value as string);
  }

  delete(key: string): void {
    this.values.delete(key);
  }
}
