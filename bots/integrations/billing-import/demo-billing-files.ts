import { mkdir } from 'node:fs/promises';
import { join } from 'node:path';
import { billingPeriod } from '../../../core/features/readings/meter';
import { demoAccounts, type DemoAccount } from '../../../db/demo-accounts';
import { demoHistory, type DemoHistory } from '../../../db/demo-history';
import { demoReadings } from '../../../db/demo-readings';
import { demoTariffRows } from '../../../db/demo-tariffs';
import { BillingFileWriter, type FileValue } from './billing-file-writer';
import type { FileFormat } from './row-fields';
import type { RowKind } from './row-kind';
import { rowKinds } from './row-kinds';
import { zonedTimestamp } from './zoned-time';

/** Both formats shown: CSV where a row is flat, NDJSON for the rest. */
const sampleFormats: Readonly<Record<RowKind['name'], FileFormat>> = {
  accounts: 'csv',
  meters: 'csv',
  tariffs: 'ndjson',
  charges: 'csv',
  payments: 'ndjson',
  readings: 'ndjson',
};

type FileRow = Readonly<Record<string, FileValue>>;

const period = (year: number, month: number) => `${year}-${String(month).padStart(2, '0')}`;
const compactTime = (at: Date) => at.toISOString().slice(0, 16).replace(/\D/g, '');

/** Each file's rows, made when the file is written. */
function sampleRows(now: Date, timeZone: string): Readonly<Record<RowKind['name'], () => FileRow[]>> {
  const histories = demoAccounts.map((account) => ({ account, history: demoHistory(account, now, timeZone) }));
  const each = (rows: (account: DemoAccount, history: DemoHistory) => FileRow[]) => () => histories.flatMap(({ account, history }) => rows(account, history));
  return {
    accounts: each((account, history) => [
      {
        number: account.number,
        payerName: account.payerName,
        address: account.address,
        email: account.email,
        phone: account.phone,
        region: account.region,
        residents: account.residents,
        seasonalityFactor: account.seasonalityFactor,
        socialNormKwh: account.socialNormKwh,
        balanceKopecks: history.balanceKopecks,
        earlierDebtKopecks: history.earlierDebtKopecks,
      },
    ]),
    meters: each(({ number, meter }) => [
      { serialNumber: meter.serialNumber, account: number, digits: meter.digits, zones: meter.zones, installedOn: '2015-01-01' },
    ]),
    tariffs: () => demoTariffRows(Number(billingPeriod(now, timeZone).slice(0, 4))),
    charges: each(({ number }, { charges }) =>
      charges.map((charge) => ({
        account: number,
        period: period(charge.year, charge.month),
        openingBalanceKopecks: charge.openingBalanceKopecks,
        consumptionKwh: charge.consumptionKwh,
        chargedKopecks: charge.chargedKopecks,
        closingBalanceKopecks: charge.closingBalanceKopecks,
      })),
    ),
    // Billing's id of a demo payment: the account and the minute it was made (never two in one minute).
    payments: each(({ number }, { payments }) =>
      payments.map((payment) => ({
        id: `${number}-${compactTime(payment.paidAt)}`,
        account: number,
        paidAt: zonedTimestamp(payment.paidAt, timeZone),
        amountKopecks: payment.amountKopecks,
        source: payment.source,
      })),
    ),
    readings: each((account, { charges }) =>
      demoReadings(account, charges).map((reading) => ({
        serialNumber: account.meter.serialNumber,
        zone: reading.zone,
        period: reading.period,
        value: reading.value,
        consumptionKwh: reading.consumptionKwh,
        submittedAt: zonedTimestamp(reading.submittedAt, timeZone),
        channel: reading.channel,
        accepted: reading.accepted,
      })),
    ),
  };
}

/**
 * `npm run import:sample`: the demo accounts with their history as of `now`, as the six billing
 * files `npm run import` reads. Returns the files' names.
 */
export async function writeDemoBillingFiles(directory: string, now: Date, timeZone: string): Promise<string[]> {
  await mkdir(directory, { recursive: true });
  const rows = sampleRows(now, timeZone);
  const names: string[] = [];
  for (const kind of rowKinds) {
    const name = `${kind.name}.${sampleFormats[kind.name]}`;
    const writer = await BillingFileWriter.create(join(directory, name), sampleFormats[kind.name], kind.columns.all);
    for (const row of rows[kind.name]()) await writer.write(row);
    await writer.close();
    names.push(name);
  }
  return names;
}
