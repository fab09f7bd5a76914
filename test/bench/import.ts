/**
 * The import part of `npm run bench` (alone: `BENCH_ONLY=import npm run bench`): a customer base of
 * `BENCH_IMPORT_ACCOUNTS` accounts (100 000 unless set) with ten years of monthly history, written
 * as billing files (streamed to disk), then `npm run import`'s work on them into a private
 * PostgreSQL database: time, rows and rows/s per file and in all.
 */
import { mkdtemp, rm, stat } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { performance } from 'node:perf_hooks';
import { Client } from 'pg';
import { importBillingData } from '../../bots/integrations/billing-import/billing-import';
import { BillingFileWriter, type FileValue } from '../../bots/integrations/billing-import/billing-file-writer';
import type { FileFormat } from '../../bots/integrations/billing-import/row-fields';
import { rowKinds } from '../../bots/integrations/billing-import/row-kinds';
import { initORM } from '../../db/orm';

const years = 10;
const firstYear = 2015;
const sources = ['bank', 'site', 'app', 'office', 'telegram'];
const channels = ['site', 'app', 'telegram', 'webchat', 'office'];

/** Both formats measured: the two largest files CSV, the third NDJSON. */
const formats: Readonly<Record<string, FileFormat>> = {
  accounts: 'csv',
  meters: 'ndjson',
  tariffs: 'csv',
  charges: 'csv',
  payments: 'ndjson',
  readings: 'csv',
};

type Row = Readonly<Record<string, FileValue>>;

const accountNumber = (index: number) => `5${String(index).padStart(11, '0')}`;
const periodOf = (month: number) => `${firstYear + Math.floor(month / 12)}-${String((month % 12) + 1).padStart(2, '0')}`;
const kwhOf = (account: number, month: number) => 150 + ((account * 7 + month * 13) % 200);
const priceOf = (month: number) => 350 + Math.floor(month / 12) * 21;

interface Month {
  readonly month: number;
  readonly kwh: number;
  readonly charged: number;
  readonly opening: number;
  /** The meter's register at the month's end. */
  readonly value: number;
}

/** One account's ten years, month by month: the bill charged, paid on the 8th of the next month. */
function* history(account: number): Generator<Month> {
  let value = 1_000 + (account % 5_000);
  for (let month = 0; month < years * 12; month += 1) {
    const kwh = kwhOf(account, month);
    value += kwh;
    const charged = kwh * priceOf(month);
    yield { month, kwh, charged, opening: month === 0 ? 0 : -(kwhOf(account, month - 1) * priceOf(month - 1)), value };
  }
}

function* rowsOf(kind: string, accounts: number): Generator<Row> {
  if (kind === 'tariffs') {
    for (let year = 0; year < years; year += 1) yield { zone: 'single', validFrom: periodOf(year * 12), kopecksPerKwh: priceOf(year * 12) };
    return;
  }
  for (let index = 1; index <= accounts; index += 1) {
    const account = accountNumber(index);
    const serialNumber = `B${String(index).padStart(9, '0')}`;
    if (kind === 'accounts') yield benchAccount(index, account);
    if (kind === 'meters') yield { serialNumber, account, digits: 6, zones: ['single'], installedOn: '2014-12-01' };
    if (kind === 'charges' || kind === 'payments' || kind === 'readings') {
      for (const month of history(index)) yield monthRow(kind, account, serialNumber, month);
    }
  }
}

function benchAccount(index: number, number: string): Row {
  return {
    number,
    payerName: `Абонент ${index}`,
    address: `г. Тестовск, ул. Нагрузочная, д. ${index % 300}, кв. ${index % 97}`,
    email: `customer${index}@example.ru`,
    phone: `+7 900 ${String(index).padStart(7, '0')}`,
    region: 'Тестовая область',
    residents: 1 + (index % 5),
    seasonalityFactor: 1,
    socialNormKwh: index % 3 === 0 ? 150 : null,
    balanceKopecks: -(kwhOf(index, years * 12 - 1) * priceOf(years * 12 - 1)),
    earlierDebtKopecks: 0,
  };
}

function monthRow(kind: string, account: string, serialNumber: string, { month, kwh, charged, opening, value }: Month): Row {
  const period = periodOf(month);
  if (kind === 'charges')
    return { account, period, openingBalanceKopecks: opening, consumptionKwh: kwh, chargedKopecks: charged, closingBalanceKopecks: -charged };
  if (kind === 'readings') {
    return {
      serialNumber,
      zone: 'single',
      period,
      value: value % 1_000_000,
      consumptionKwh: kwh,
      submittedAt: `${period}-24T11:00:00+03:00`,
      channel: channels[month % 5] ?? 'site',
      accepted: true,
    };
  }
  // The month's payment settles the month before (the first month has none to settle: a payment of its own then).
  return {
    id: `${account}-${month}`,
    account,
    paidAt: `${period}-08T12:00:00+03:00`,
    amountKopecks: -opening || charged,
    source: sources[month % 5] ?? 'bank',
  };
}

/** Writes the six files, each as a stream; answers the bytes written. */
async function generate(directory: string, accounts: number): Promise<number> {
  let bytes = 0;
  for (const kind of rowKinds) {
    const path = join(directory, `${kind.name}.${formats[kind.name]}`);
    const writer = await BillingFileWriter.create(path, formats[kind.name] ?? 'csv', kind.columns.all);
    for (const row of rowsOf(kind.name, accounts)) await writer.write(row);
    await writer.close();
    bytes += (await stat(path)).size;
  }
  return bytes;
}

/** A database of its own on the server `DATABASE_URL` names, dropped afterwards. */
async function privateDatabase(): Promise<{ url: string; drop(): Promise<void> }> {
  const adminUrl = process.env['DATABASE_URL'] ?? 'postgresql://postgres@127.0.0.1:5432/test';
  const name = `energobot_bench_import_${process.pid}`;
  const admin = async (sql: string) => {
    const client = new Client({ connectionString: adminUrl });
    await client.connect();
    try {
      await client.query(sql);
    } finally {
      await client.end();
    }
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
}

const perSecond = (rows: number, seconds: number) => Math.round(rows / Math.max(seconds, 0.001)).toLocaleString('en-US');

export async function benchImport(): Promise<string[]> {
  const accounts = Number(process.env['BENCH_IMPORT_ACCOUNTS'] ?? 100_000);
  const directory = await mkdtemp(join(tmpdir(), 'energobot-import-bench-'));
  const database = await privateDatabase();
  try {
    const generatedAt = performance.now();
    const bytes = await generate(directory, accounts);
    const generation = (performance.now() - generatedAt) / 1000;
    const orm = await initORM({ kind: 'postgresql', url: database.url });
    await orm.close();
    const startedAt = performance.now();
    const outcomes = await importBillingData({
      databaseUrl: database.url,
      directory,
      batchRows: Number(process.env['BENCH_IMPORT_BATCH_ROWS'] ?? 20_000),
      reportPath: join(directory, 'import-report.ndjson'),
      progress: process.stderr,
    });
    const seconds = (performance.now() - startedAt) / 1000;
    const rows = outcomes.reduce((sum, outcome) => sum + outcome.rowsRead, 0);
    const refused = outcomes.reduce((sum, outcome) => sum + outcome.rejected, 0);
    return [
      `${accounts.toLocaleString('en-US')} accounts, ${years} years monthly: ${(bytes / 2 ** 20).toFixed(0)} MB of files, generated in ${generation.toFixed(1)} s`,
      ...outcomes.map(
        (outcome) =>
          `${outcome.file.padEnd(18)} ${String(outcome.rowsRead).padStart(11)} rows ${outcome.seconds.toFixed(1).padStart(8)} s ${perSecond(outcome.rowsRead, outcome.seconds).padStart(9)} rows/s`,
      ),
      `${'in all'.padEnd(18)} ${String(rows).padStart(11)} rows ${seconds.toFixed(1).padStart(8)} s ${perSecond(rows, seconds).padStart(9)} rows/s, ${refused} refused (aim: 0)`,
    ];
  } finally {
    await database.drop();
    await rm(directory, { recursive: true, force: true });
  }
}
