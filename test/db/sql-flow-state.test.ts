import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { MikroORM } from '@mikro-orm/core';
import { Localizer } from '../../core/kernel/localizer';
import { plainText } from '../../core/kernel/content/plain-text';
import { FlowRunner } from '../../core/runner/flow-runner';
import { initORM, type Database } from '../../db/orm';
import { FlowState } from '../../db/entities';
import { SqlChatStates } from '../../db/repositories/sql-chat-states';
import { SqlDeadLetters } from '../../db/repositories/sql-dead-letters';
import { createWorld, type World } from '../support/conversation';
import { createTestDatabase, postgresUrl } from '../support/postgres';

type Made = () => Promise<{ database: Database; drop: () => Promise<void> }>;

const onPostgres: Made = async () => {
  const created = await createTestDatabase();
  return { database: { kind: 'postgresql', url: created.url }, drop: created.drop };
};

/** The embedded default's SQLite file, and PostgreSQL where the machine has one. */
const databases: [string, Made][] = [
  [
    'SQLite',
    async () => {
      const dir = mkdtempSync(join(tmpdir(), 'energobot-flow-state-'));
      return { database: { kind: 'sqlite', path: join(dir, 'energobot.sqlite') }, drop: async () => rmSync(dir, { recursive: true, force: true }) };
    },
  ],
  ...(postgresUrl ? [['PostgreSQL', onPostgres] as [string, Made]] : []),
];

describe.each(databases)('flow state in the database (%s), as the embedded default keeps it', (_name, create) => {
  let world: World;
  let database: Database;
  let drop: () => Promise<void>;
  let orm: MikroORM;

  beforeAll(async () => {
    world = await createWorld();
    ({ database, drop } = await create());
    orm = await initORM(database);
  });
  afterAll(async () => {
    await orm.close();
    await world.close();
    await drop();
  });

  const sent = async () => undefined;
  const runner = (on: MikroORM) =>
    new FlowRunner({
      services: { ...world.services, localizer: new Localizer('Europe/Moscow') },
      states: new SqlChatStates(on, { sessionTtlMs: 60_000, deliveryTtlMs: 60_000 }),
      deadLetters: new SqlDeadLetters(world.orm),
      onError: (error) => {
        throw error;
      },
    });

  it('keeps a half-answered question through a restart, and answers a duplicate delivery once', async () => {
    const chat = { channel: 'telegram' as const, id: 'restarted' };
    await runner(orm).handle({ chat, updateId: '1', input: { kind: 'text', text: '/link' } }, sent);
    // The process stops and starts again on the same database.
    await orm.close();
    orm = await initORM(database);
    const after = await runner(orm).handle({ chat, updateId: '2', input: { kind: 'text', text: '100000000001' } }, sent);
    expect(plainText(after.messages[0]!)).toContain('Адрес по этому счёту');
    expect(await runner(orm).handle({ chat, updateId: '2', input: { kind: 'text', text: '100000000001' } }, sent)).toEqual({ messages: [] });
  });

  it('expires the session with its TTL, remembers a handled delivery, and keeps a journal only until its delivery is handled', async () => {
    let now = Date.parse('2026-11-24T09:00:00Z');
    const states = new SqlChatStates(orm, { sessionTtlMs: 1_000, deliveryTtlMs: 30_000, now: () => now });
    const chat = 'telegram:ttl';
    await expect(
      states.turn(chat, '1', async (_, writes) => {
        await writes.keep({ 'accounts.card#0': { number: '100000000001' } });
        await writes.keep({ 'clock.now#0': { $date: '2026-11-25T10:00:00.000Z' } });
        throw new Error('the platform did not take the reply');
      }),
    ).rejects.toThrow('did not take');
    await states.turn(chat, '1', async (start, writes) => {
      expect(start).toEqual({
        done: false,
        session: undefined,
        journal: { 'accounts.card#0': { number: '100000000001' }, 'clock.now#0': { $date: '2026-11-25T10:00:00.000Z' } },
      });
      await writes.finish({ saved: true });
    });
    expect(await orm.em.fork().count(FlowState, { key: `energobot:journal:${chat}:1` })).toBe(0);
    await states.turn(chat, '1', async (start) => expect(start).toEqual({ done: true, session: { saved: true }, journal: {} }));
    now += 1_001;
    await states.turn(chat, '2', async (start) => expect(start).toEqual({ done: false, session: undefined, journal: {} }));
    now += 30_000;
    await states.turn(chat, '1', async (start) => expect(start.done).toBe(false));
  });

  it('runs one update of a chat at a time', async () => {
    const states = new SqlChatStates(orm, { sessionTtlMs: 60_000, deliveryTtlMs: 60_000 });
    const events: string[] = [];
    const work = (name: string) => async () => {
      events.push(`${name} in`);
      for (let trip = 0; trip < 5; trip += 1) await orm.em.fork().count(FlowState, {});
      events.push(`${name} out`);
    };
    await Promise.all([states.turn('telegram:lock', 'a', work('a')), states.turn('telegram:lock', 'b', work('b'))]);
    expect(events).toEqual(['a in', 'a out', 'b in', 'b out']);
  });
});
