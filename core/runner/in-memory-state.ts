import type { ChatLock, KeyValueStore, UpdateLog } from './state-ports';

/** The embedded default's flow state: one process, entries expire like Redis keys would. */
export class InMemoryStore<T> implements KeyValueStore<T> {
  /** Kept as JSON, as Redis keeps it: a reader can change what it read without changing the store. */
  private readonly entries = new Map<string, { json: string; expiresAt: number }>();

  constructor(private readonly ttlMs: number) {}

  read(key: string): T | undefined {
    const entry = this.entries.get(key);
    if (!entry) return undefined;
    if (entry.expiresAt > Date.now()) return JSON.parse(entry.json) as T;
    this.entries.delete(key);
    return undefined;
  }

  write(key: string, value: T): void {
    this.entries.set(key, { json: JSON.stringify(value), expiresAt: Date.now() + this.ttlMs });
    if (this.entries.size % 1024 === 0) this.sweep();
  }

  delete(key: string): void {
    this.entries.delete(key);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [key, entry] of this.entries) if (entry.expiresAt <= now) this.entries.delete(key);
  }
}

export class InMemoryUpdateLog implements UpdateLog {
  private readonly seen: InMemoryStore<true>;

  constructor(ttlMs: number) {
    this.seen = new InMemoryStore<true>(ttlMs);
  }

  async isDone(id: string): Promise<boolean> {
    return this.seen.read(id) === true;
  }

  async markDone(id: string): Promise<void> {
    this.seen.write(id, true);
  }
}

export class InProcessChatLock implements ChatLock {
  private readonly tails = new Map<string, Promise<unknown>>();

  async run<R>(key: string, work: () => Promise<R>): Promise<R> {
    const previous = this.tails.get(key) ?? Promise.resolve();
    const current = previous.then(work, work);
    const tail = current.catch(() => undefined);
    this.tails.set(key, tail);
    try {
      return await current;
    } finally {
      if (this.tails.get(key) === tail) this.tails.delete(key);
    }
  }
}
