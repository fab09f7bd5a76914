import { randomBytes } from 'node:crypto';
import { setTimeout as sleep } from 'node:timers/promises';
import { RedisAdapter } from '@grammyjs/storage-redis';
import { Redis } from 'ioredis';
import { Localizer } from '../../core/localizer';
import { plainText } from '../../core/content/plain-text';
import { FlowRunner, type Handling } from '../../core/runner/flow-runner';
import type { FlowSession } from '../../core/runner/flow-session';
import { RedisChatLock } from '../../db/redis/redis-chat-lock';
import { RedisUpdateLog } from '../../db/redis/redis-update-log';
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
      sessions: new RedisAdapter<FlowSession>({ instance: client, ttl: 60 }),
      handlings: new RedisAdapter<Handling>({ instance: client, ttl: 60 }),
      updates: new RedisUpdateLog(client, 60),
      lock: new RedisChatLock(client),
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

  it('keeps every key of an installation under REDIS_KEY_PREFIX, the lock\'s scripts included', async () => {
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

  it('expires the session with its TTL', async () => {
    const store = new RedisAdapter<FlowSession>({ instance: redis, ttl: 1 });
    const key = `${prefix()}session`;
    const session: FlowSession = { v: 2, locale: 'en', chosen: true, runs: 0, buttons: [] };
    await store.write(key, session);
    expect(await store.read(key)).toEqual(session);
    expect(await redis.ttl(key)).toBeGreaterThan(0);
    await sleep(1100);
    expect(await store.read(key)).toBeUndefined();
  });

  it('remembers handled deliveries with an expiry', async () => {
    const log = new RedisUpdateLog(redis, 30);
    const id = `${prefix()}update`;
    expect(await log.isDone(id)).toBe(false);
    await log.markDone(id);
    expect(await log.isDone(id)).toBe(true);
    const ttl = await redis.ttl(id);
    expect(ttl).toBeGreaterThan(0);
    expect(ttl).toBeLessThanOrEqual(30);
  });

  it('runs one chat at a time across instances sharing the lock', async () => {
    const key = `${prefix()}lock`;
    const [first, second] = [new RedisChatLock(redis), new RedisChatLock(redis)];
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      await sleep(50);
      events.push(`${name} out`);
    };
    await Promise.all([first.run(key, work('a')), second.run(key, work('b'))]);
    expect(events).toEqual(events[0] === 'a in' ? ['a in', 'a out', 'b in', 'b out'] : ['b in', 'b out', 'a in', 'a out']);
    expect(await redis.exists(key)).toBe(0);
  });
});
