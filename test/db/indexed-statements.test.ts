import pg, { Client } from 'pg';
import { initORM } from '../../db/orm';
import { seedDemoAccounts } from '../../db/seed';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { demoMeter } from '../support/demo-meter';
import { linkingScript, play, readingsScript, historyScript, startTestApp, type SeenMessage, type Step } from '../support/test-app';

/** Every task a linked customer can start from the menu, typed as its label, and its first answer; `firstOffered` presses the first button offered. */
const everyTask: readonly (Step | 'firstOffered')[] = [
  { say: 'Оплатить' },
  { press: 'Другая сумма' },
  { say: '500' },
  { say: 'Начисления и платежи' },
  { press: 'Последние 12 месяцев' },
  { say: 'История платежей' },
  { press: 'С января 2015 года' },
  { say: 'Квитанции' },
  'firstOffered',
  { say: 'Электронная квитанция' },
  { say: 'Мои обращения' },
  { press: 'Написать обращение' },
  { say: 'Мои лицевые счета' },
  { say: 'Кто привязан' },
  { press: 'Пригласить члена семьи' },
  { say: 'Настройки' },
  { press: 'Запретить показания без привязки' },
  { say: 'Меню' },
];

interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Cond'?: string;
  readonly Plans?: readonly PlanNode[];
}

/** The tables a plan reads whole: a sequential scan, or an index walked end to end without a condition. */
function wholeTableReads(node: PlanNode): string[] {
  const own =
    node['Node Type'] === 'Seq Scan' || (/Index (Only )?Scan/.test(node['Node Type']) && !node['Index Cond'] && node['Relation Name'])
      ? [`${node['Node Type']} on ${node['Relation Name'] ?? '?'}`]
      : [];
  return [...own, ...(node.Plans ?? []).flatMap(wholeTableReads)];
}

/**
 * A statement that reads a whole table is fast on the demo data and slow on a supplier's: every
 * statement the customers' turns make (reads, updates, deletes) must find its rows by an index.
 * With sequential scans priced out, PostgreSQL plans one only where no index serves.
 */
describeWithPostgres('statements on PostgreSQL', () => {
  it('no statement of linking, readings, history and every menu task with its first answer reads a whole table', async () => {
    const database = await createTestDatabase();
    try {
      const orm = await initORM({ kind: 'postgresql', url: database.url });
      await seedDemoAccounts(orm, new Date(), { timeZone: 'Europe/Moscow' });
      const meter = await demoMeter(orm);
      await orm.close();
      const statements = await madeDuring(database.url, [...linkingScript, ...readingsScript(meter), ...historyScript, ...everyTask]);
      const customers = statements.filter((statement) => /^\s*(select|update|delete)\b/i.test(statement.text));
      const distinct = [...new Map(customers.map((statement) => [statement.text, statement])).values()];
      expect(distinct.length).toBeGreaterThan(30);
      expect(await wholeTableStatements(database.url, distinct)).toEqual([]);
    } finally {
      await database.drop();
    }
  }, 60_000);
});

/** Every statement the app sent to PostgreSQL while a web-chat customer went through `script` (and the jobs that ran meanwhile). */
async function madeDuring(url: string, script: readonly (Step | 'firstOffered')[]): Promise<Statement[]> {
  const app = await startTestApp({ DATABASE_URL: url, PAYMENTS_PROVIDER: 'sandbox' });
  const channel = await new BotFrameworkChannel(app.url).start();
  const made: Statement[] = [];
  // eslint-disable-next-line @typescript-eslint/unbound-method -- wrapped, and applied to each client's own `this` below.
  const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
  const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
    // query(text, values?, callback?) or query({ text, values }, callback?)
    const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
    const text = typeof config === 'string' ? config : config.text;
    made.push({ text, values: (Array.isArray(values) ? values : typeof config === 'string' ? undefined : config.values) ?? [] });
    return query.apply(this, args);
  });
  try {
    const customer = channel.customer('indexed');
    const transcript: SeenMessage[][] = [];
    for (const step of script) {
      const offered = transcript.at(-1)?.flatMap((message) => message.buttons)[0] ?? '';
      transcript.push(...(await play(customer, [step === 'firstOffered' ? { press: offered } : step])));
    }
    expect(transcript.every((replies) => replies.length > 0)).toBe(true);
    expect(transcript.at(-1)?.[0]?.text).toContain('Что вы хотите сделать?');
    return made;
  } finally {
    spy.mockRestore();
    await channel.stop();
    await app.close();
  }
}

/** The statements PostgreSQL would answer by reading a whole table, with sequential scans priced out. */
async function wholeTableStatements(url: string, statements: readonly Statement[]): Promise<string[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    await client.query('set enable_seqscan = off');
    const whole: string[] = [];
    for (const statement of statements) {
      const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({
        text: `explain (format json) ${statement.text}`,
        values: [...statement.values],
      });
      const reads = wholeTableReads(rows[0]?.['QUERY PLAN'][0].Plan as PlanNode);
      if (reads.length > 0) whole.push(`${reads.join(', ')}: ${statement.text}`);
    }
    return whole;
  } finally {
    await client.end();
  }
}
