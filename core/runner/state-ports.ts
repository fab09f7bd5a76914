import type { Input } from '../kernel/chat';

/** What one update starts from, read while the chat's lock is held. */
export interface TurnStart {
  /**
   * The delivery was fully handled already (its replies handed to the platform). Platforms
   * deliver at least once; a delivery that failed half-way is not done, and its redelivery is handled.
   */
  readonly done: boolean;
  /** The chat's saved flow session as stored (the runner validates it), or undefined. */
  readonly session: unknown;
  /** Port results an earlier attempt at this delivery kept, by effect key. */
  readonly journal: Readonly<Record<string, unknown>>;
}

/** What the handling of one update writes, all under the chat's lock. */
export interface TurnWrites {
  /** Keeps port results, so that a retry of this delivery reuses them instead of calling again. */
  keep(entries: Readonly<Record<string, unknown>>): Promise<void>;
  /** The delivery is handled: the session is saved, the delivery marked done, its journal dropped. */
  finish(session: unknown): Promise<void>;
}

/**
 * The chats' flow state: sessions, the journal of each delivery in progress, the deliveries
 * handled, and one update at a time per chat across every process sharing the store. A turn
 * costs the store two round trips (start, finish) and one more per kept journal.
 */
export interface ChatStates {
  turn<R>(chat: string, delivery: string, work: (start: TurnStart, writes: TurnWrites) => Promise<R>): Promise<R>;
}

/** Where a chat's state lives: the same keys in every store, so a test or an operator can find them. */
export const stateKeys = (chat: string, delivery: string) => ({
  lock: `energobot:lock:${chat}`,
  done: `energobot:update:${chat}:${delivery}`,
  journal: `energobot:journal:${chat}:${delivery}`,
  session: `energobot:session:${chat}`,
});

/** An update set aside after failing again and again: where and what failed, never what it said. */
export interface SetAsideUpdate {
  /** `channel:id` of the chat. */
  readonly chat: string;
  readonly updateId: string;
  readonly inputKind: Input['kind'];
  readonly failures: number;
  /** The last failure's kind and code (see `failureKind`). */
  readonly failure: string;
  readonly at: Date;
}

/** Where set-aside updates are kept for an operator; keeping the same one twice keeps it once. */
export interface DeadLetters {
  setAside(update: SetAsideUpdate): Promise<void>;
}
