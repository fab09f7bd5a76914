import pg, { Client } from 'pg';
import { initORM } from '../../db/orm';
import { seedDemoAccounts } from '../../db/seed';
import { BotFrameworkChannel } from '../support/bot-framework-channel';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { linkingScript, play, readingsScript, historyScript, startTestApp, type Step } from '../support/test-app';

/** Every task a linked customer can start from the menu, typed as its label. */
const everyTask: readonly Step[] = [
  'Оплатить',
  'Начисления и платежи',
  'История платежей',
  'Квитанции',
  'Электронная квитанция',
  'Мои обращения',
  'Мои лицевые счета',
  'Кто привязан',
  'Настройки',
  'Меню',
].map((label) => ({ say: label }));

interface Statement {
  readonly text: string;
  readonly values: readonly unknown[];
}

interface PlanNode {
  readonly 'Node Type': string;
  readonly 'Relation Name'?: string;
  readonly 'Index Name'?: string;
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
  it('no statement of linking, readings, history or any menu task reads a whole table', async () => {
    const database = await createTestDatabase();
    const orm = await initORM({ kind: 'postgresql', url: database.url });
    await seedDemoAccounts(orm, new Date());
    await orm.close();
    const app = await startTestApp({ DATABASE_URL: database.url, PAYMENTS_PROVIDER: 'sandbox' });
    const channel = await new BotFrameworkChannel(app.url).start();
    // From here on: what the customer's turns (and the jobs running meanwhile) ask of the database.
    const made: Statement[] = [];
    const query = pg.Client.prototype.query as (...args: unknown[]) => unknown;
    const spy = jest.spyOn(pg.Client.prototype, 'query').mockImplementation(function (this: pg.Client, ...args: unknown[]) {
      // query(text, values?, callback?) or query({ text, values }, callback?)
      const [config, values] = args as [string | { text: string; values?: unknown[] }, unknown];
      const text = typeof config === 'string' ? config : config.text;
      made.push({ text, values: (Array.isArray(values) ? values : typeof config === 'string' ? undefined : config.values) ?? [] });
      return query.apply(this, args);
    } as never);
    try {
      const customer = channel.customer('indexed');
      const transcript = await play(customer, [...linkingScript, ...readingsScript, ...historyScript, ...everyTask]);
      expect(transcript.every((replies) => replies.length > 0)).toBe(true);
      expect(transcript.at(-1)?.[0]?.text).toContain('Что вы хотите сделать?');
    } finally {
      spy.mockRestore();
      await channel.stop();
      await app.close();
    }

    const customers = made.filter((statement) => /^\s*(select|update|delete)\b/i.test(statement.text));
    expect(customers.length).toBeGreaterThan(30);
    const client = new Client({ connectionString: database.url });
    await client.connect();
    try {
      await client.query('set enable_seqscan = off');
      const whole: string[] = [];
      for (const statement of new Map(customers.map((statement) => [statement.text, statement])).values()) {
        const { rows } = await client.query<{ 'QUERY PLAN': [{ Plan: PlanNode }] }>({ text: `explain (format json) ${statement.text}`, values: [...statement.values] });
        const reads = wholeTableReads(rows[0]?.['QUERY PLAN'][0].Plan as PlanNode);
        if (reads.length > 0) whole.push(`${reads.join(', ')}: ${statement.text}`);
      }
      expect(whole).toEqual([]);
    } finally {
      await client.end();
      await database.drop();
    }
  }, 60_000);
});
