import { setTimeout as pause } from 'node:timers/promises';

const windowMs = 1000;

/** Time as the pace reads it: the machine's, unless a test moves it. */
export interface PaceClock {
  now(): number;
  /** Resolves after `ms`, or rejects when `signal` aborts. */
  sleep(ms: number, signal: AbortSignal): Promise<void>;
}

const machineClock: PaceClock = { now: () => performance.now(), sleep: (ms, signal) => pause(ms, undefined, { signal }) };

/**
 * MAX takes 30 calls a second from a bot and 2 messages a second into one chat, and answers a
 * 429 beyond that. MAX counts a call when it arrives, which is after it was sent and before its
 * answer: so a call in flight, or answered less than a second ago, holds its place, and a call
 * goes only while fewer than the limit do. However late a call reaches MAX, no second there
 * holds more than the limit (a pace by start times alone is crowded by calls that reach MAX late).
 */
export class SendPace {
  private readonly bot: SendWindow;
  private readonly chats = new Map<string, SendWindow>();
  private ended: (() => void)[] = [];

  constructor(
    private readonly limits = { perSecond: 30, perChatPerSecond: 2 },
    private readonly clock: PaceClock = machineClock,
  ) {
    this.bot = new SendWindow(limits.perSecond);
  }

  /** Makes `call` (into `chat`, or the bot's own when none) once it keeps within both limits. */
  async paced<T>(chat: string | undefined, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
    const windows = chat === undefined ? [this.bot] : [this.bot, this.chatWindow(chat)];
    for (;;) {
      const now = this.clock.now();
      const wait = Math.max(...windows.map((window) => window.waitMs(now)));
      if (wait === 0) break;
      await this.sleepUntilFree(wait, signal);
    }
    for (const window of windows) window.started();
    try {
      return await call();
    } finally {
      const now = this.clock.now();
      for (const window of windows) window.ended(now);
      for (const wake of this.ended.splice(0)) wake();
      this.forgetQuietChats(now);
    }
  }

  /** Until the wait is over or a call ends (which may free a place sooner). */
  private async sleepUntilFree(wait: number, signal: AbortSignal | undefined): Promise<void> {
    signal?.throwIfAborted();
    const stop = new AbortController();
    const sleeping = this.clock.sleep(Math.min(wait, windowMs), signal ? AbortSignal.any([signal, stop.signal]) : stop.signal);
    const callEnded = new Promise<void>((resolve) => this.ended.push(resolve));
    // Cancelled or cut short, the sleep ends either way: a cancellation is thrown below.
    await Promise.race([sleeping.catch(() => undefined), callEnded]);
    stop.abort();
    signal?.throwIfAborted();
  }

  private chatWindow(chat: string): SendWindow {
    const known = this.chats.get(chat);
    if (known) return known;
    const window = new SendWindow(this.limits.perChatPerSecond);
    this.chats.set(chat, window);
    return window;
  }

  /** A chat with nothing in its last second is not remembered. */
  private forgetQuietChats(now: number): void {
    if (this.chats.size < 1000) return;
    for (const [chat, window] of this.chats) if (window.waitMs(now) === 0 && window.quiet) this.chats.delete(chat);
  }
}

/** The calls of one scope (the bot, or one chat) that hold a place: in flight, or answered within the last second. */
class SendWindow {
  private ends: number[] = [];
  private inFlight = 0;

  constructor(private readonly limit: number) {}

  get quiet(): boolean {
    return this.inFlight === 0 && this.ends.length === 0;
  }

  /** How long until a call may start here: 0 now, or when the oldest place frees (a call in flight frees none by time). */
  waitMs(now: number): number {
    this.ends = this.ends.filter((end) => end > now - windowMs);
    if (this.inFlight + this.ends.length < this.limit) return 0;
    const oldest = this.ends[0];
    return oldest === undefined ? windowMs : oldest + windowMs - now;
  }

  started(): void {
    this.inFlight += 1;
  }

  ended(now: number): void {
    this.inFlight -= 1;
    this.ends.push(now);
  }
}
