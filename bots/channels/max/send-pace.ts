import { setTimeout as pause } from 'node:timers/promises';

/**
 * MAX takes 30 calls a second from a bot and 2 messages a second into one chat, and answers a
 * 429 beyond that. Each send takes its turn here first: the turns are handed out at once, in
 * order, so sends racing for one chat are spaced as well as one after the other.
 */
export class SendPace {
  private readonly recentByChat = new Map<string, number[]>();
  private recent: number[] = [];

  constructor(
    private readonly limits = { perSecond: 30, perChatPerSecond: 2 },
    private readonly now: () => number = () => performance.now(),
  ) {}

  /** Resolves when a send into `chat` keeps within both limits. */
  async turn(chat: string, signal?: AbortSignal): Promise<void> {
    const wait = this.reserve(chat);
    if (wait > 0) await pause(wait, undefined, { signal });
  }

  /** Takes the next turn for a send into `chat`: how many milliseconds from now it is. */
  reserve(chat: string): number {
    const now = this.now();
    const ofChat = this.recentByChat.get(chat) ?? [];
    const at = Math.max(now, due(ofChat, this.limits.perChatPerSecond), due(this.recent, this.limits.perSecond));
    this.recent = kept([...this.recent, at], this.limits.perSecond);
    this.recentByChat.set(chat, kept([...ofChat, at], this.limits.perChatPerSecond));
    this.forgetQuietChats(now);
    return at - now;
  }

  /** A chat whose last send is a second old is free again: it is not remembered. */
  private forgetQuietChats(now: number): void {
    if (this.recentByChat.size < 1000) return;
    for (const [chat, times] of this.recentByChat) if ((times.at(-1) ?? 0) + 1000 <= now) this.recentByChat.delete(chat);
  }
}

/** When the next of at most `limit` sends a second may go, given the last ones. */
function due(times: readonly number[], limit: number): number {
  return times.length < limit ? 0 : (times[times.length - limit] as number) + 1000;
}

function kept(times: readonly number[], limit: number): number[] {
  return times.slice(-limit);
}
