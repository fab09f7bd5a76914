import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import type { Redis } from 'ioredis';
import type { ChatLock } from '../../core/runner/state-ports';
import { InProcessChatLock } from '../../core/runner/in-memory-state';

const releaseScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('del', KEYS[1]) else return 0 end";
const extendScript = "if redis.call('get', KEYS[1]) == ARGV[1] then return redis.call('pexpire', KEYS[1], ARGV[2]) else return 0 end";

/**
 * Serialises one chat's updates across every instance behind the load balancer. Within one
 * process updates queue up first, so only one of them at a time polls Redis for the lock.
 *
 * The lease is short and renewed while the work goes on, and a waiter waits longer than one
 * lease: after a crash the lock frees itself within a lease, and the next update gets through.
 */
export class RedisChatLock implements ChatLock {
  private readonly local = new InProcessChatLock();

  constructor(
    private readonly redis: Redis,
    private readonly leaseMs = 10_000,
    private readonly waitMs = leaseMs + 2_000,
  ) {}

  run<R>(key: string, work: () => Promise<R>): Promise<R> {
    return this.local.run(key, async () => {
      const token = randomBytes(16).toString('hex');
      await this.acquire(key, token);
      const renewal = setInterval(() => {
        this.redis.eval(extendScript, 1, key, token, String(this.leaseMs)).catch(() => undefined);
      }, this.leaseMs / 3);
      try {
        return await work();
      } finally {
        clearInterval(renewal);
        await this.redis.eval(releaseScript, 1, key, token).catch(() => undefined);
      }
    });
  }

  private async acquire(key: string, token: string): Promise<void> {
    const deadline = Date.now() + this.waitMs;
    for (let pause = 5; ; pause = Math.min(pause * 2, 100)) {
      if ((await this.redis.set(key, token, 'PX', this.leaseMs, 'NX')) === 'OK') return;
      if (Date.now() > deadline) throw new Error(`Chat lock ${key} still held after ${this.waitMs} ms`);
      await sleep(pause);
    }
  }
}
