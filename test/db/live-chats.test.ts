import type { MikroORM } from '@mikro-orm/core';
import { initORM } from '../../db/orm';
import { SqlLiveChats } from '../../db/repositories/sql-live-chats';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';

const at = new Date('2027-02-01T09:00:00Z');
const chat = (id: string) => ({ channel: 'telegram' as const, id });
const said = (text: string, key: string) => ({ from: 'customer' as const, text, files: [], at: at.toISOString(), operator: null, key });

describeWithPostgres('the live operator’s queue on PostgreSQL, shared by every instance', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let live: SqlLiveChats;

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    orm = await initORM({ kind: 'postgresql', url: database.url });
    live = new SqlLiveChats(orm);
  });
  afterAll(async () => {
    await orm.close();
    await drop();
  });

  it('opens one conversation for a chat joining three times at once, and one of two operators takes it', async () => {
    const joined = await Promise.all([1, 2, 3].map(() => live.join(chat('pg-1'), 'ru', at)));
    expect(new Set(joined.map((one) => one.id)).size).toBe(1);
    const id = joined[0]?.id ?? 0;
    expect((await Promise.all(['ivanova', 'petrov'].map((operator) => live.take(id, operator, at)))).sort()).toEqual([false, true]);
    expect(await live.letGo(id, at)).toBe(false);
    expect((await live.get(id))?.status).toBe('talking');
  });

  it('tells a place only as it comes nearer, lets only a waiting chat go, and keeps nothing in a conversation over', async () => {
    const { id } = await live.join(chat('pg-2'), 'en', at);
    expect([await live.tellPosition(id, 3), await live.tellPosition(id, 3), await live.tellPosition(id, 4), await live.tellPosition(id, 2)]).toEqual([
      true,
      false,
      false,
      true,
    ]);
    expect(await live.add(id, said('Первое', 'pg-2:1'))).toBe('added');
    expect(await live.add(id, said('Первое', 'pg-2:1'))).toBe('repeated');
    expect(await live.add(id, said('Второе', 'pg-2:2'))).toBe('added');
    const other = await live.join(chat('pg-3'), 'ru', at);
    expect((await live.firstMessages([id, other.id])).get(id)?.text).toBe('Первое');
    expect((await live.firstMessages([id, other.id])).has(other.id)).toBe(false);
    expect(await live.letGo(id, at)).toBe(true);
    expect((await live.get(id))?.endedBy).toBe('nobody');
    expect(await live.add(id, said('Третье', 'pg-2:3'))).toBe('over');
    expect(await live.count(id)).toBe(2);
    // Over, the chat may open a new one.
    expect((await live.join(chat('pg-2'), 'en', at)).id).not.toBe(id);
  });

  it('counts the operators on duty by their last look, and how long the last conversations lasted', async () => {
    await live.onDuty('ivanova', at);
    await live.onDuty('ivanova', new Date(at.getTime() + 60_000));
    await live.onDuty('petrov', new Date(at.getTime() - 10 * 60_000));
    expect(await live.operatorsOnDuty(new Date(at.getTime() - 2 * 60_000))).toBe(1);
    const { id } = await live.join(chat('pg-4'), 'ru', at);
    await live.take(id, 'ivanova', at);
    await live.end(id, 'operator', new Date(at.getTime() + 6 * 60_000));
    expect(await live.recentTalkMinutes(20)).toContain(6);
  });
});
