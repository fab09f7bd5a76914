import { stateKeys, type ChatStates, type TurnStart, type TurnWrites } from './state-ports';

/** The embedded default's flow state: one process, entries expire like Redis keys would. */
export class InMemoryStore<T> {
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

/**
 * The embedded default's chat states, in this process: sessions and handled deliveries expire as
 * Redis keys would, journals live until their delivery is handled.
 */
export class InMemoryChatStates implements ChatStates {
  readonly sessions: InMemoryStore<unknown>;
  private readonly handled: InMemoryStore<true>;
  private readonly journals: InMemoryStore<Record<string, unknown>>;
  private readonly lock = new InProcessChatLock();

  constructor(sessionTtlMs: number, deliveryTtlMs: number) {
    this.sessions = new InMemoryStore(sessionTtlMs);
    this.handled = new InMemoryStore(deliveryTtlMs);
    this.journals = new InMemoryStore(deliveryTtlMs);
  }

  turn<R>(chat: string, delivery: string, work: (start: TurnStart, writes: TurnWrites) => Promise<R>): Promise<R> {
    const keys = stateKeys(chat, delivery);
    return this.lock.run(keys.lock, () => {
      const start = { done: this.handled.read(keys.done) === true, session: this.sessions.read(keys.session), journal: this.journals.read(keys.journal) ?? {} };
      return work(start, {
        keep: async (entries) => this.journals.write(keys.journal, { ...this.journals.read(keys.journal), ...entries }),
        finish: async (session) => {
          this.sessions.write(keys.session, session);
          this.handled.write(keys.done, true);
          this.journals.delete(keys.journal);
        },
      });
    });
  }
}

/** One update at a time per chat, in this process. */
export class InProcessChatLock {
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
