import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { Redis } from 'ioredis';
import { Localizer } from '../../core/kernel/localizer';
import { plainText } from '../../core/kernel/content/plain-text';
import { FlowRunner } from '../../core/runner/flow-runner';
import { RedisChatStates } from '../../db/redis/redis-chat-states';
import { SqlDeadLetters } from '../../db/repositories/sql-dead-letters';
import { createWorld, type World } from '../support/conversation';
import { describeWithRedis, redisUrl } from '../support/redis';

describeWithRedis('flow state in Redis', () => {
  let redis: Redis;
  let world: World;
  const prefix = () => `test:${randomBytes(4).toString('hex')}:`;

  beforeAll(async () => {
    redis = new Redis(redisUrl as string);
    world = await createWorld();
  });
  afterAll(async () => {
    await redis.quit();
    await world.close();
  });

  const sent = async () => undefined;

  /** Two runners sharing one Redis, as two instances behind a load balancer would. */
  function instance(client: Redis = redis): FlowRunner {
    return new FlowRunner({
      services: { ...world.services, localizer: new Localizer('Europe/Moscow') },
      states: new RedisChatStates(client, { sessionTtlMs: 60_000, deliveryTtlMs: 60_000 }),
      deadLetters: new SqlDeadLetters(world.orm),
      onError: (error) => {
        throw error;
      },
    });
  }

  it('carries a conversation across instances, and a duplicate delivery to another instance acts once', async () => {
    const [a, b] = [instance(), instance()];
    const chat = { channel: 'telegram' as const, id: prefix() };
    await a.handle({ chat, updateId: '1', input: { kind: 'text', text: '/link' } }, sent);
    const onB = await b.handle({ chat, updateId: '2', input: { kind: 'text', text: '100000000001' } }, sent);
    expect(plainText(onB.messages[0]!)).toContain('Адрес по этому счёту');
    expect(await a.handle({ chat, updateId: '2', input: { kind: 'text', text: '100000000001' } }, sent)).toEqual({ messages: [] });
  });

  it("keeps every key of an installation under REDIS_KEY_PREFIX, the lock's scripts included", async () => {
    const keyPrefix = prefix();
    const prefixed = new Redis(redisUrl as string, { keyPrefix });
    try {
      const runner = instance(prefixed);
      const chat = { channel: 'telegram' as const, id: 'prefixed' };
      await runner.handle({ chat, updateId: '1', input: { kind: 'text', text: '/link' } }, sent);
      const keys = (await redis.keys(`${keyPrefix}*`)).sort();
      expect(keys).toEqual([`${keyPrefix}energobot:session:telegram:prefixed`, `${keyPrefix}energobot:update:telegram:prefixed:1`]);
      expect(await redis.exists('energobot:session:telegram:prefixed')).toBe(0);
      // The lock was taken and released under the prefix: a second update gets through at once.
      await runner.handle({ chat, updateId: '2', input: { kind: 'text', text: '/cancel' } }, sent);
      expect(await redis.exists(`${keyPrefix}energobot:lock:telegram:prefixed`)).toBe(0);
    } finally {
      await prefixed.quit();
    }
  });

  const states = (options: Partial<{ sessionTtlMs: number; leaseMs: number }> = {}) =>
    new RedisChatStates(redis, { sessionTtlMs: 60_000, deliveryTtlMs: 30_000, ...options });

  it('expires the session with its TTL, and remembers a handled delivery for a while', async () => {
    const chat = prefix();
    await states({ sessionTtlMs: 1_000 }).turn(chat, '1', async (_, writes) => writes.finish({ saved: true }));
    await states().turn(chat, '2', async (start) => expect(start).toEqual({ done: false, session: { saved: true }, journal: {} }));
    const ttl = await redis.pttl(`energobot:update:${chat}:1`);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30_000);
    await states().turn(chat, '1', async (start) => expect(start.done).toBe(true));
    const sessionTtl = await redis.pttl(`energobot:session:${chat}`);
    expect(sessionTtl).toBeGreaterThan(0);
    expect(sessionTtl).toBeLessThanOrEqual(1_000);
    // Redis drops the key when its TTL runs out; a chat whose session is gone starts afresh.
    await redis.del(`energobot:session:${chat}`);
    await states().turn(chat, '3', async (start) => expect(start.session).toBeUndefined());
  });

  it('keeps a journal across attempts at one delivery until it is handled', async () => {
    const chat = prefix();
    await expect(
      states().turn(chat, '1', async (_, writes) => {
        await writes.keep({ 'accounts.card#0': { number: '100000000001' } });
        await writes.keep({ 'clock.now#0': { $date: '2026-11-25T10:00:00.000Z' } });
        throw new Error('the platform did not take the reply');
      }),
    ).rejects.toThrow('did not take');
    // The failed attempt freed the lock at once: the retry does not wait for the lease.
    expect(await redis.exists(`energobot:lock:${chat}`)).toBe(0);
    await states().turn(chat, '1', async (start, writes) => {
      expect(start.journal).toEqual({ 'accounts.card#0': { number: '100000000001' }, 'clock.now#0': { $date: '2026-11-25T10:00:00.000Z' } });
      await writes.finish({ saved: true });
    });
    expect(await redis.exists(`energobot:journal:${chat}:1`)).toBe(0);
  });

  it('runs one chat at a time across instances sharing the lock, and frees it after a crash within a lease', async () => {
    const chat = prefix();
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      // Round trips to Redis while inside: room for the other turn to try the lock.
      for (let trip = 0; trip < 5; trip += 1) await redis.ping();
      events.push(`${name} out`);
    };
    await Promise.all([states().turn(chat, 'a', work('a')), states().turn(chat, 'b', work('b'))]);
    expect(events).toEqual(events[0] === 'a in' ? ['a in', 'a out', 'b in', 'b out'] : ['b in', 'b out', 'a in', 'a out']);
    expect(await redis.exists(`energobot:lock:${chat}`)).toBe(0);
    // A process that died holding the lock: the next update gets through once the lease is over.
    await redis.set(`energobot:lock:${chat}`, 'a dead process', 'PX', 300);
    let heldBy: string | null = null;
    await states({ leaseMs: 300 }).turn(chat, 'c', async () => {
      heldBy = await redis.get(`energobot:lock:${chat}`);
    });
    expect(heldBy).toEqual(expect.any(String));
    expect(heldBy).not.toBe('a dead process');
  });

  it('renews the locks of turns longer than a lease, several at once, so another instance waits for them', async () => {
    const [one, two] = [prefix(), prefix()];
    const events: string[] = [];
    let entered!: () => void;
    const oneIn = new Promise<void>((resolve) => (entered = resolve));
    /** A turn that lasts until its lock has been renewed so often that it outlived several leases. */
    const long = (name: string, chat: string) => async () => {
      events.push(`${name} in`);
      if (name === 'one') entered();
      let [renewals, previous] = [0, await redis.pttl(`energobot:lock:${chat}`)];
      while (renewals < 4) {
        await sleep(10);
        const ttl = await redis.pttl(`energobot:lock:${chat}`);
        if (ttl > previous) renewals += 1;
        previous = ttl;
      }
      events.push(`${name} out`);
    };
    const [first, second] = [states({ leaseMs: 300 }), states({ leaseMs: 300 })];
    await Promise.all([
      first.turn(one, '1', long('one', one)),
      first.turn(two, '1', long('two', two)),
      oneIn.then(() => second.turn(one, '2', async () => void events.push('one again in'))),
    ]);
    expect(events.indexOf('one again in')).toBeGreaterThan(events.indexOf('one out'));
    expect(await redis.exists(`energobot:lock:${one}`, `energobot:lock:${two}`)).toBe(0);
  });
});
