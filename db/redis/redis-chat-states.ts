import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import { InProcessChatLock } from '../../core/runner/in-memory-state';
import { stateKeys, type ChatStates, type TurnStart, type TurnWrites } from '../../core/runner/state-ports';

/** KEYS: lock, done, journal, session. ARGV: token, lease. Nothing when the lock is held elsewhere. */
const startScript = `
if not redis.call('set', KEYS[1], ARGV[1], 'PX', ARGV[2], 'NX') then return false end
if redis.call('exists', KEYS[2]) == 1 then return {1} end
return {0, redis.call('get', KEYS[4]), redis.call('hgetall', KEYS[3])}`;

/** KEYS: lock, done, journal, session. ARGV: token, session, session TTL, delivery TTL. */
const finishScript = `
redis.call('set', KEYS[4], ARGV[2], 'PX', ARGV[3])
redis.call('set', KEYS[2], '1', 'PX', ARGV[4])
redis.call('del', KEYS[3])
if redis.call('get', KEYS[1]) == ARGV[1] then redis.call('del', KEYS[1]) end
return 1`;

const releaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const extendScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

type StartReply = null | [1] | [0, string | null, string[]];

export interface RedisChatStatesOptions {
  readonly sessionTtlMs: number;
  readonly deliveryTtlMs: number;
  readonly leaseMs?: number;
  readonly waitMs?: number;
}

/**
 * Chat states in Redis, shared by every instance behind the load balancer. A turn is two round
 * trips: one script takes the chat's lock and reads the delivery's status, the session and the
 * journal; one saves the session, marks the delivery done, drops the journal and frees the lock.
 * Within one process a chat's updates queue up first, so only one of them at a time asks Redis.
 *
 * The lease is short and renewed while the work goes on, and a waiter waits longer than one
 * lease: after a crash the lock frees itself within a lease, and the next update gets through.
 */
export class RedisChatStates implements ChatStates {
  private readonly local = new InProcessChatLock();
  private readonly leaseMs: number;
  private readonly waitMs: number;
  /** A lock's owner: this process (random) and its turn, unique without a random draw per turn. */
  private readonly owner = randomBytes(12).toString('hex');
  private turns = 0;
  /** The locks this process holds, by key, with their tokens: one timer renews them all. */
  private readonly held = new Map<string, string>();
  private renewal: NodeJS.Timeout | undefined;

  constructor(
    private readonly redis: Redis,
    private readonly options: RedisChatStatesOptions,
  ) {
    this.leaseMs = options.leaseMs ?? 10_000;
    this.waitMs = options.waitMs ?? this.leaseMs + 2_000;
  }

  turn<R>(chat: string, delivery: string, work: (start: TurnStart, writes: TurnWrites) => Promise<R>): Promise<R> {
    const keys = stateKeys(chat, delivery);
    const all = [keys.lock, keys.done, keys.journal, keys.session];
    return this.local.run(keys.lock, async () => {
      const token = `${this.owner}:${(this.turns += 1)}`;
      const start = await this.start(all, token);
      this.keepRenewing(keys.lock, token);
      let finished = false;
      try {
        return await work(start, {
          keep: async (entries) => {
            const fields = Object.entries(entries).flatMap(([key, value]) => [key, JSON.stringify(value)]);
            // Sent together, answered together: one round trip.
            await Promise.all([this.redis.hset(keys.journal, ...fields), this.redis.pexpire(keys.journal, this.options.deliveryTtlMs)]);
          },
          finish: async (session) => {
            await this.redis.eval(
              finishScript,
              all.length,
              ...all,
              token,
              JSON.stringify(session),
              String(this.options.sessionTtlMs),
              String(this.options.deliveryTtlMs),
            );
            finished = true;
          },
        });
      } finally {
        this.stopRenewing(keys.lock);
        if (!finished) await this.redis.eval(releaseScript, 1, keys.lock, token).catch(() => undefined);
      }
    });
  }

  /** Renews every held lock a third of a lease apart, while there is one. */
  private keepRenewing(lock: string, token: string): void {
    this.held.set(lock, token);
    this.renewal ??= setInterval(() => {
      for (const [key, owner] of this.held) this.redis.eval(extendScript, 1, key, owner, String(this.leaseMs)).catch(() => undefined);
    }, this.leaseMs / 3);
  }

  private stopRenewing(lock: string): void {
    this.held.delete(lock);
    if (this.held.size > 0 || !this.renewal) return;
    clearInterval(this.renewal);
    this.renewal = undefined;
  }

  private async start(keys: readonly string[], token: string): Promise<TurnStart> {
    const deadline = Date.now() + this.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      const reply = (await this.redis.eval(startScript, keys.length, ...keys, token, String(this.leaseMs))) as StartReply;
      if (reply)
        return reply[0] === 1 ? { done: true, session: undefined, journal: {} } : { done: false, session: parsed(reply[1]), journal: journalOf(reply[2]) };
      if (Date.now() > deadline) throw new Error(`Chat lock ${keys[0]} still held after ${this.waitMs} ms`);
      await sleep(pause);
    }
  }
}

function parsed(json: string | null): unknown {
  return json === null ? undefined : JSON.parse(json);
}

/** HGETALL's flat list of fields and values. */
function journalOf(flat: readonly string[]): Record<string, unknown> {
  const journal: Record<string, unknown> = {};
  for (let index = 0; index + 1 < flat.length; index += 2) journal[flat[index] as string] = JSON.parse(flat[index + 1] as string);
  return journal;
}
