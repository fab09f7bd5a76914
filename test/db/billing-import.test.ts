import { spawn } from 'node:child_process';
import { cp, mkdtemp, readFile, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Client } from 'pg';
import { importBillingData, type FileOutcome } from '../../bots/integrations/billing-import/billing-import';
import { writeDemoBillingFiles } from '../../bots/integrations/billing-import/demo-billing-files';
import { demoAccounts } from '../../db/demo-accounts';
import { demoHistory } from '../../db/demo-history';
import { demoReadings } from '../../db/demo-readings';
import { demoTariffRows } from '../../db/demo-tariffs';
import { initORM } from '../../db/orm';
import { createTestDatabase, describeWithPostgres } from '../support/postgres';
import { exited, root } from '../support/process';

const now = new Date('2026-11-24T09:00:00Z');
const timeZone = 'Europe/Moscow';
const histories = demoAccounts.map((account) => ({ account, history: demoHistory(account, now, timeZone) }));

interface Database {
  readonly url: string;
  readonly drop: () => Promise<void>;
}

/** A private database with the migrations run, as `npm run import` leaves it before its first file. */
async function migratedDatabase(): Promise<Database> {
  const database = await createTestDatabase();
  const orm = await initORM({ kind: 'postgresql', url: database.url });
  await orm.close();
  return database;
}

async function query(url: string, sql: string): Promise<Record<string, unknown>[]> {
  const client = new Client({ connectionString: url });
  await client.connect();
  try {
    return (await client.query(sql)).rows as Record<string, unknown>[];
  } finally {
    await client.end();
  }
}

/** Everything the import writes, without the serial ids (a killed run uses up ids of the batches it loses). */
async function tables(url: string) {
  const rows = (sql: string) => query(url, sql);
  return {
    accounts: await rows(
      'select number, payer_name, address, email, phone, region, residents, seasonality_factor, social_norm_kwh, balance_kopecks, earlier_debt_kopecks, demo from account order by number',
    ),
    meters: await rows('select serial_number, account_number, zones, digits, installed_on::text from meter order by serial_number'),
    tariffs: await rows('select zone, valid_from, kopecks_per_kwh from tariff order by zone, valid_from'),
    charges: await rows(
      'select account_number, year, month, opening_balance_kopecks, consumption_kwh, charged_kopecks, closing_balance_kopecks from monthly_charge order by account_number, year, month',
    ),
    payments: await rows('select external_id, account_number, paid_at, amount_kopecks, source from payment order by external_id, paid_at'),
    readings: await rows(
      'select m.serial_number, r.zone, r.period, r.value, r.consumption_kwh, r.channel, r.submitted_at, r.accepted from meter_reading r join meter m on m.id = r.meter_id order by 1, 2, 3, 5',
    ),
    checkpoints: await rows('select file, sha256, lines, rows, rejected, done from import_checkpoint order by file'),
  };
}

/** The import in this process, its stderr kept. */
async function importDirectory(url: string, directory: string, batchRows = 50): Promise<{ outcomes: FileOutcome[]; stderr: string }> {
  let stderr = '';
  const outcomes = await importBillingData({
    databaseUrl: url,
    directory,
    batchRows,
    reportPath: join(directory, 'import-report.ndjson'),
    progress: { write: (text: string) => (stderr += text) },
  });
  return { outcomes, stderr };
}

async function reportOf(directory: string): Promise<{ file: string; line: number; reason: string }[]> {
  const text = await readFile(join(directory, 'import-report.ndjson'), 'utf8');
  return text
    .split('\n')
    .filter(Boolean)
    .map((line) => JSON.parse(line) as { file: string; line: number; reason: string });
}

/** `npm run import` as a process. */
function importProcess(directory: string, env: Record<string, string>, ...flags: string[]) {
  return spawn(process.execPath, ['--no-deprecation', '--import', 'tsx', join(root, 'bots', 'app', 'import-billing-data.ts'), directory, ...flags], {
    cwd: root,
    env: { PATH: process.env['PATH'] ?? '', ...env },
  });
}

describeWithPostgres('npm run import on PostgreSQL', () => {
  let sample: string;
  const cleanups: (() => Promise<void>)[] = [];

  const directory = async (from?: string) => {
    const made = await mkdtemp(join(tmpdir(), 'energobot-import-'));
    cleanups.push(() => rm(made, { recursive: true, force: true }));
    if (from) await cp(from, made, { recursive: true });
    return made;
  };
  const database = async () => {
    const made = await migratedDatabase();
    cleanups.push(made.drop);
    return made.url;
  };

  beforeAll(async () => {
    sample = await directory();
    await writeDemoBillingFiles(sample, now, timeZone);
  });
  afterAll(async () => {
    for (const cleanup of cleanups.reverse()) await cleanup();
  });

  it('imports the sample set: every demo account with its meter, charges, payments and readings', async () => {
    const url = await database();
    const { outcomes } = await importDirectory(url, await directory(sample));
    const charges = histories.reduce((sum, { history }) => sum + history.charges.length, 0);
    const payments = histories.reduce((sum, { history }) => sum + history.payments.length, 0);
    const readings = histories.reduce((sum, { account, history }) => sum + demoReadings(account, history.charges).length, 0);
    expect(outcomes.map(({ file, status, rows, rejected }) => ({ file, status, rows, rejected }))).toEqual([
      { file: 'accounts.csv', status: 'imported', rows: 3, rejected: 0 },
      { file: 'meters.csv', status: 'imported', rows: 3, rejected: 0 },
      { file: 'tariffs.ndjson', status: 'imported', rows: demoTariffRows(2026).length, rejected: 0 },
      { file: 'charges.csv', status: 'imported', rows: charges, rejected: 0 },
      { file: 'payments.ndjson', status: 'imported', rows: payments, rejected: 0 },
      { file: 'readings.ndjson', status: 'imported', rows: readings, rejected: 0 },
    ]);
    const imported = await tables(url);
    expect([imported.accounts, imported.meters, imported.tariffs, imported.charges, imported.payments, imported.readings].map((rows) => rows.length)).toEqual([
      3,
      3,
      demoTariffRows(2026).length,
      charges,
      payments,
      readings,
    ]);
    const second = histories[1] as (typeof histories)[number];
    expect(imported.accounts[1]).toMatchObject({
      number: '100000000002',
      address: 'г. Нижний Новгород, ул. Большая Покровская, д. 15, кв. 7',
      seasonality_factor: '1.15',
      social_norm_kwh: 150,
      balance_kopecks: second.history.balanceKopecks,
      demo: false,
    });
    expect(imported.meters.find((meter) => meter['serial_number'] === 'M201-0200002')).toMatchObject({ zones: ['day', 'night'], digits: 6 });
    const lastPayment = second.history.payments.at(-1);
    expect(imported.payments).toContainEqual(
      expect.objectContaining({ account_number: '100000000002', paid_at: lastPayment?.paidAt, amount_kopecks: lastPayment?.amountKopecks }),
    );
  });

  it('run twice, leaves the same tables: the second run skips every file it finished', async () => {
    const url = await database();
    const files = await directory(sample);
    await importDirectory(url, files);
    const first = await tables(url);
    const { outcomes, stderr } = await importDirectory(url, files);
    expect(outcomes.every((outcome) => outcome.status === 'unchanged')).toBe(true);
    expect(stderr).toContain('payments.ndjson: unchanged since its import, skipped');
    expect(await tables(url)).toEqual(first);
  });

  it('imports a changed file again from its start, and only that file', async () => {
    const url = await database();
    const files = await directory(sample);
    await importDirectory(url, files);
    const accounts = join(files, 'accounts.csv');
    await writeFile(accounts, (await readFile(accounts, 'utf8')).replace('+7 900 000-00-01', '+7 900 111-11-11'));
    const { outcomes } = await importDirectory(url, files);
    expect(outcomes.filter((outcome) => outcome.status === 'imported').map((outcome) => [outcome.file, outcome.rowsRead])).toEqual([['accounts.csv', 3]]);
    expect((await tables(url)).accounts[0]).toMatchObject({ number: '100000000001', phone: '+7 900 111-11-11' });
  });

  it('reports bad rows with file, line and reason, applies none of them and every good row', async () => {
    const url = await database();
    const files = await directory();
    const account = (number: string) => `${number},Payer,"г. Город, ул. Улица, д. 1",,,Область,2,1.00,,-1000,0`;
    await writeFile(
      join(files, 'accounts.csv'),
      [
        'number,payerName,address,email,phone,region,residents,seasonalityFactor,socialNormKwh,balanceKopecks,earlierDebtKopecks',
        account('200000000001'),
        `${account('200000000002')},surplus`,
        account('200000000003'),
        '',
      ].join('\n'),
    );
    await writeFile(
      join(files, 'charges.csv'),
      [
        'account,period,openingBalanceKopecks,consumptionKwh,chargedKopecks,closingBalanceKopecks',
        '200000000001,2024-12,0,100,50000,-50000',
        '200000000001,2024-13,0,100,50000,-50000',
        '299999999999,2024-12,0,100,50000,-50000',
        '200000000003,2024-12,0,100,50000,-50000',
        '',
      ].join('\n'),
    );
    const payment = (id: string, account: string, amount: unknown) =>
      JSON.stringify({ id, account, paidAt: '2025-01-08T12:00:00+03:00', amountKopecks: amount, source: 'bank' });
    await writeFile(
      join(files, 'payments.ndjson'),
      [
        payment('p1', '200000000001', 50000),
        payment('p2', '200000000001', '500,00'),
        payment('p3', '299999999999', 50000),
        '{"id": "p4",',
        payment('p5', '200000000003', 50000),
        '',
      ].join('\n'),
    );
    const { outcomes, stderr } = await importDirectory(url, files);
    expect(outcomes.map(({ file, rows, rejected }) => [file, rows, rejected])).toEqual([
      ['accounts.csv', 2, 1],
      ['charges.csv', 2, 2],
      ['payments.ndjson', 2, 3],
    ]);
    const report = await reportOf(files);
    expect(report.map(({ file, line }) => [file, line])).toEqual([
      ['accounts.csv', 3],
      ['charges.csv', 3],
      ['charges.csv', 4],
      ['payments.ndjson', 2],
      ['payments.ndjson', 3],
      ['payments.ndjson', 4],
    ]);
    expect(report.map(({ reason }) => reason.replace(/^(not JSON): .*/, '$1'))).toEqual([
      'broken CSV: Invalid Record Length: expect 11, got 12 on line 3',
      'period: expected a period YYYY-MM (month 01 to 12)',
      'unknown account 299999999999',
      'amountKopecks: expected a whole number',
      'unknown account 299999999999',
      'not JSON',
    ]);
    expect(stderr).toContain('charges.csv:3: period: expected a period YYYY-MM (month 01 to 12)');
    expect(stderr).toContain('payments.ndjson:2: amountKopecks: expected a whole number');
    const imported = await tables(url);
    expect(imported.accounts.map((row) => row['number'])).toEqual(['200000000001', '200000000003']);
    expect(imported.charges.map((row) => [row['account_number'], row['year'], row['month']])).toEqual([
      ['200000000001', 2024, 12],
      ['200000000003', 2024, 12],
    ]);
    expect(imported.payments.map((row) => row['external_id'])).toEqual(['p1', 'p5']);
  });

  it('refuses a file whose header lacks a column before reading any of its rows', async () => {
    const url = await database();
    const files = await directory();
    await writeFile(join(files, 'tariffs.csv'), 'zone,kopecksPerKwh\nsingle,500\n');
    await expect(importDirectory(url, files)).rejects.toThrow('tariffs.csv: the header lacks the column validFrom');
    expect((await tables(url)).tariffs).toEqual([]);
  });

  it('resumes a killed import after its last committed batch and ends with the tables of an uninterrupted one: 0 lost, 0 doubled', async () => {
    const uninterrupted = await database();
    await importDirectory(uninterrupted, await directory(sample), 2);
    const expected = await tables(uninterrupted);

    const url = await database();
    const files = await directory(sample);
    const killed = importProcess(files, { DATABASE_URL: url }, '--batch-rows', '2');
    const exit = exited(killed);
    const watcher = new Client({ connectionString: url });
    await watcher.connect();
    try {
      // The first batch of charges committed (accounts, meters and tariffs are done by then): kill it there.
      while ((await watcher.query("select 1 from import_checkpoint where file = 'charges.csv'")).rowCount === 0) {
        await new Promise((resolve) => setImmediate(resolve));
      }
    } finally {
      await watcher.end();
    }
    killed.kill('SIGKILL');
    expect((await exit).signal).toBe('SIGKILL');
    const atKill = await tables(url);
    const charges = atKill.checkpoints.find((checkpoint) => checkpoint['file'] === 'charges.csv');
    expect(charges).toMatchObject({ done: false });
    expect(atKill.charges.length).toBe(charges?.['rows']);
    expect(atKill.readings).toEqual([]);

    const resumed = await exited(importProcess(files, { DATABASE_URL: url }, '--batch-rows', '2'));
    expect(resumed).toMatchObject({ code: 0, signal: null });
    expect(resumed.stderr).toContain(`charges.csv: resuming after line ${String(charges?.['lines'])}`);
    expect(resumed.stderr).toContain('accounts.csv: unchanged since its import, skipped');
    const after = await tables(url);
    const key = (row: Record<string, unknown>) => JSON.stringify(row);
    for (const kind of ['charges', 'payments', 'readings'] as const) {
      const got = after[kind].map(key);
      const lost = expected[kind].map(key).filter((row) => !got.includes(row)).length;
      const doubled = got.length - new Set(got).size;
      expect({ kind, lost, doubled }).toEqual({ kind, lost: 0, doubled: 0 });
    }
    expect(after).toEqual(expected);
  }, 60_000);

  it('tells that it needs PostgreSQL on the embedded SQLite default, and exits non-zero', async () => {
    const files = await directory(sample);
    const { code, stderr } = await exited(importProcess(files, { SQLITE_PATH: join(files, 'energobot.sqlite') }));
    expect(code).toBe(1);
    expect(stderr).toContain('npm run import needs PostgreSQL: set DATABASE_URL');
  });
});
