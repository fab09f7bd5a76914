import type { AccountNumber } from '../../kernel/account-number';
import type { Zone } from '../readings/meter';
import { kopecks, type Kopecks } from '../../kernel/money';
import { shiftPeriod } from '../../kernel/period';

/** The supplier's details every receipt and payment QR carries (configuration). */
export interface SupplierDetails {
  readonly name: string;
  readonly inn: string;
  readonly kpp: string;
  /** «Расчётный счёт»: 20 digits. */
  readonly bankAccount: string;
  readonly bankName: string;
  readonly bic: string;
  /** «Корреспондентский счёт»: 20 digits. */
  readonly correspondentAccount: string;
  readonly address: string;
  readonly phone: string;
}

export interface ZoneTariff {
  readonly zone: Zone;
  readonly kopecksPerKwh: number;
}

/** One meter zone of the month: what it showed, what it used and what that cost. */
export interface ReceiptLine {
  readonly serialNumber: string;
  readonly zone: Zone;
  readonly previous: number;
  readonly current: number;
  readonly consumptionKwh: number;
  readonly tariff: Kopecks;
  readonly amount: Kopecks;
}

/** A month's receipt of one account («квитанция»), as billing's figures make it. */
export interface Receipt {
  readonly account: AccountNumber;
  readonly period: string;
  readonly payer: { readonly name: string; readonly address: string; readonly residents: number };
  readonly lines: readonly ReceiptLine[];
  /** What billing charged beyond the readings at the tariff (a recalculation); 0 when none. */
  readonly recalculation: Kopecks;
  /** Positive is money in hand, negative is owed, as on the first day of the period. */
  readonly openingBalance: Kopecks;
  readonly paid: Kopecks;
  readonly charged: Kopecks;
  /** What is owed once the month is charged: 0 when the account is in credit. */
  readonly totalToPay: Kopecks;
  /** `YYYY-MM-DD`: the 10th of the following month, as housing law sets it. */
  readonly dueDate: string;
}

/** What billing knows of the month, from which the receipt is made. */
export interface ReceiptSources {
  readonly account: AccountNumber;
  readonly period: string;
  readonly payer: Receipt['payer'];
  readonly statement: { readonly openingBalance: Kopecks; readonly charged: Kopecks; readonly closingBalance: Kopecks };
  readonly paid: Kopecks;
  readonly readings: readonly { readonly serialNumber: string; readonly zone: Zone; readonly value: number; readonly consumptionKwh: number }[];
  readonly tariffs: readonly ZoneTariff[];
  /** Each meter's register size, for a reading that rolled over. */
  readonly digits: ReadonlyMap<string, number>;
}

/**
 * Puts the month together: each zone's consumption at its tariff, and whatever billing charged
 * beyond that shown as a recalculation, so the receipt's lines always add up to its total.
 */
export function buildReceipt(sources: ReceiptSources): Receipt {
  const lines = sources.readings.map((reading): ReceiptLine => {
    const tariff = kopecks(sources.tariffs.find((t) => t.zone === reading.zone)?.kopecksPerKwh ?? 0);
    const capacity = 10 ** (sources.digits.get(reading.serialNumber) ?? 9);
    return {
      serialNumber: reading.serialNumber,
      zone: reading.zone,
      previous: (reading.value - reading.consumptionKwh + capacity) % capacity,
      current: reading.value,
      consumptionKwh: reading.consumptionKwh,
      tariff,
      amount: kopecks(reading.consumptionKwh * tariff),
    };
  });
  const byReadings = lines.reduce((sum, line) => sum + line.amount, 0);
  const [year, month] = shiftPeriod(sources.period, 1).split('-');
  return {
    account: sources.account,
    period: sources.period,
    payer: sources.payer,
    lines,
    recalculation: kopecks(sources.statement.charged - byReadings),
    openingBalance: sources.statement.openingBalance,
    paid: sources.paid,
    charged: sources.statement.charged,
    totalToPay: kopecks(Math.max(0, -sources.statement.closingBalance)),
    dueDate: `${year}-${month}-10`,
  };
}
