import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { appealSearchText, type AppealFilter } from '../../core/features/appeals/appeal-search';
import type { CompleteDraft } from '../../core/features/appeals/appeal';
import { initORM } from '../../db/orm';
import { SqlAppeals } from '../../db/repositories/sql-appeals';
import { SqlCannedAnswers } from '../../db/repositories/sql-canned-answers';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';

const hour = 3600_000;
const filedAt = new Date('2027-02-01T09:00:00Z');
const draft = (name: string, account: string | null, phone: string | null): CompleteDraft => ({
  appellant: account
    ? { kind: 'customer', account: account as AccountNumber, address: 'ул. Кольцовская, 24' }
    : { kind: 'non-customer', locality: 'г. Липецк', address: 'ул. Ленина, 5' },
  topic: account ? 'payment' : 'connection',
  name,
  email: `${phone ?? 'oleg'}@example.ru`,
  phone,
  message: 'Прошу проверить начисления.',
  attachments: [],
});

describeWithPostgres('appeals on PostgreSQL: the desk of a team', () => {
  let orm: MikroORM;
  let drop: () => Promise<void>;
  let appeals: SqlAppeals;
  const numbers: string[] = [];
  const page = { page: 1, perPage: 25 };
  const found = async (filter: AppealFilter, at = page) => (await appeals.search(filter, at)).appeals.map((appeal) => appeal.number);

  beforeAll(async () => {
    const database = await createTestDatabase();
    drop = database.drop;
    orm = await initORM({ kind: 'postgresql', url: database.url });
    appeals = new SqlAppeals(orm);
    const filings: [CompleteDraft, 'telegram' | 'webchat' | 'max'][] = [
      [draft('Мария Петровна', '100000000001', '+79001234567'), 'telegram'],
      [draft('Олег Ёлкин', null, null), 'webchat'],
      [draft('Анна', '100000000002', '+79007654321'), 'max'],
    ];
    for (const [index, [given, channel]] of filings.entries()) {
      const at = new Date(filedAt.getTime() + index * hour);
      numbers.push((await appeals.file({ draft: given, chat: { channel, id: `chat-${index}` }, locale: index === 1 ? 'en' : 'ru', at, year: 2027 })).number);
    }
  });
  afterAll(async () => {
    await orm.close();
    await drop();
  });

  it('finds an appeal by its number in either alphabet, by account, phone, e-mail and a part of the name in any case or «ё»', async () => {
    const [maria, oleg, anna] = numbers;
    const by = async (typed: string) => found({ text: appealSearchText(typed) ?? undefined });
    expect(await by('a2027000001')).toEqual([maria]);
    expect(await by('А-2027-000002')).toEqual([oleg]);
    expect(await by('1000 0000 0002')).toEqual([anna]);
    expect(await by('8 (900) 123-45-67')).toEqual([maria]);
    expect(await by('OLEG@example.ru')).toEqual([oleg]);
    expect(await by('елкин')).toEqual([oleg]);
    expect(await by('ПЕТРОВ')).toEqual([maria]);
    expect(await by("'; drop table appeal; --")).toEqual([]);
  });

  it('filters by status, topic, channel and age, and pages newest first, or oldest first while waiting', async () => {
    const [maria, oleg, anna] = numbers;
    expect(await found({ status: 'received' })).toEqual([maria, oleg, anna]);
    expect(await found({})).toEqual([anna, oleg, maria]);
    expect(await found({ topic: 'connection' })).toEqual([oleg]);
    expect(await found({ channel: 'max' })).toEqual([anna]);
    expect(await found({ filedBefore: new Date(filedAt.getTime() + hour) })).toEqual([maria]);
    expect(await appeals.search({ status: 'received' }, { page: 2, perPage: 2 })).toMatchObject({ total: 3, appeals: [{ number: anna }] });
    expect(await appeals.count({ status: 'received', assignee: null })).toBe(3);
  });

  it('lets one of two operators racing take an appeal, and only the holder release it', async () => {
    const [maria] = numbers as [string];
    const holders = await Promise.all([appeals.take(maria, 'ivanova'), appeals.take(maria, 'petrov')]);
    const holder = holders[0];
    expect(holders[1]).toBe(holder);
    const other = holder === 'ivanova' ? 'petrov' : 'ivanova';
    expect(await appeals.release(maria, other)).toBe(false);
    expect(await found({ assignee: holder })).toEqual([maria]);
    expect(await appeals.release(maria, holder ?? '')).toBe(true);
    expect(await appeals.take(maria, other)).toBe(other);
    expect(await appeals.take('А-2027-999999', other)).toBeNull();
  });

  it('keeps the first answer, marks a follow-up until the next answer, and never shows a note in the chat', async () => {
    const [, oleg] = numbers as [string, string];
    const at = (hours: number) => new Date(filedAt.getTime() + hours * hour).toISOString();
    await appeals.addMessage(oleg, { from: 'operator', text: 'Заявка принята.', at: at(5), by: { name: 'ivanova', route: 'desk' } });
    await appeals.addMessage(oleg, { from: 'note', text: 'Позвонить в сетевую компанию.', at: at(6), by: { name: 'ivanova', route: 'desk' } });
    expect((await appeals.thread(oleg))?.appeal).toMatchObject({ status: 'answered', followUpAt: null, firstAnsweredAt: at(5) });
    await appeals.addMessage(oleg, { from: 'customer', text: 'А когда подключат?', at: at(7) });
    expect((await appeals.thread(oleg))?.appeal).toMatchObject({ status: 'received', followUpAt: at(7) });
    expect(await found({ followUp: true })).toEqual([oleg]);
    await appeals.addMessage(oleg, { from: 'operator', text: 'В течение недели.', at: at(8), by: { name: 'crm', route: 'api' } });
    const thread = await appeals.thread(oleg);
    expect(thread?.appeal).toMatchObject({ status: 'answered', followUpAt: null, firstAnsweredAt: at(5) });
    expect(thread?.messages.map((message) => [message.from, message.by?.name ?? null, message.by?.route ?? null])).toEqual([
      ['operator', 'ivanova', 'desk'],
      ['note', 'ivanova', 'desk'],
      ['customer', null, null],
      ['operator', 'crm', 'api'],
    ]);
    const chatView = await appeals.thread(oleg, { channel: 'webchat', id: 'chat-1' });
    expect(chatView?.messages.map((message) => message.from)).toEqual(['operator', 'customer', 'operator']);
  });

  it('counts a period by status and topic with the times to a first answer, and what waits past the deadline', async () => {
    const [, , anna] = numbers as [string, string, string];
    expect(await appeals.close(anna, new Date(filedAt.getTime() + 9 * hour))).toBe(true);
    expect(await appeals.reopen(anna)).toBe(true);
    expect(await appeals.reopen(anna)).toBe(false);
    const tally = await appeals.tally(filedAt, new Date(filedAt.getTime() + 1.5 * hour));
    expect(tally).toEqual({ byStatus: { received: 2, answered: 1, closed: 0 }, byTopic: { payment: 2, connection: 1 }, firstAnswerMs: [4 * hour], overdue: 1 });
    expect((await appeals.tally(new Date(filedAt.getTime() + 1.5 * hour), filedAt)).byStatus).toEqual({ received: 1, answered: 0, closed: 0 });
  });

  it('keeps canned answers by title, a second save of a title replacing its words', async () => {
    const canned = new SqlCannedAnswers(orm);
    await canned.save({ title: 'Сроки', text: 'Обращение рассматривается до 30 дней.' }, filedAt);
    await canned.save({ title: 'Адрес', text: 'г. Воронеж, ул. Плехановская, 22.' }, filedAt);
    await canned.save({ title: 'Сроки', text: 'До 10 рабочих дней.' }, filedAt);
    const list = await canned.list();
    expect(list.map(({ title, text }) => [title, text])).toEqual([
      ['Адрес', 'г. Воронеж, ул. Плехановская, 22.'],
      ['Сроки', 'До 10 рабочих дней.'],
    ]);
    await canned.remove(list[0]?.id ?? 0);
    expect((await canned.list()).map(({ title }) => title)).toEqual(['Сроки']);
  });
});

describeWithPostgres('the migration of appeals to the desk of a team', () => {
  it('gives appeals filed before it their account, their searchable name, the time of their first answer and their follow-up', async () => {
    const database = await createTestDatabase();
    const orm = await initORM({ kind: 'postgresql', url: database.url });
    try {
      const migrator = orm.getMigrator();
      await migrator.down({ to: 'Migration20261203142710' });
      const connection = orm.em.getConnection();
      await connection.execute(
        `insert into appeal (number, year, sequence, topic, appellant, name, email, message, channel, chat_id, locale, status, filed_at, answered_at)
         values ('А-2027-000001', 2027, 1, 'payment', '{"kind":"customer","account":"100000000001","address":"ул. Кольцовская, 24"}', 'Ёлкина Мария', 'm@example.ru', 'Прошу проверить.', 'telegram', '1', 'ru', 'received', '2027-02-01T09:00:00Z', '2027-02-01T15:00:00Z')`,
      );
      await connection.execute(
        `insert into appeal_message (appeal_id, author, text, at) select id, 'operator', 'Первый ответ.', '2027-02-01T11:00:00Z'::timestamptz from appeal union all select id, 'operator', 'Второй ответ.', '2027-02-01T15:00:00Z'::timestamptz from appeal
         union all select id, 'customer', 'А когда?', '2027-02-01T16:00:00Z'::timestamptz from appeal`,
      );
      await migrator.up();
      const appeals = new SqlAppeals(orm);
      expect((await appeals.search({ text: appealSearchText('100000000001') ?? undefined }, { page: 1, perPage: 5 })).total).toBe(1);
      expect((await appeals.search({ text: appealSearchText('елкина') ?? undefined }, { page: 1, perPage: 5 })).total).toBe(1);
      expect((await appeals.thread('А-2027-000001'))?.appeal).toMatchObject({
        firstAnsweredAt: '2027-02-01T11:00:00.000Z',
        followUpAt: '2027-02-01T16:00:00.000Z',
      });
    } finally {
      await orm.close();
      await database.drop();
    }
  });
});
