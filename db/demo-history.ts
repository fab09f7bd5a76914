import { billingPeriod } from '../core/features/readings/meter';
import type { DemoAccount } from './demo-accounts';
import { demoTariff } from './demo-tariffs';

export interface ChargeRow {
  readonly year: number;
  readonly month: number;
  readonly openingBalanceKopecks: number;
  readonly consumptionKwh: number;
  /** The month's consumption per zone of the meter, in the meter's zone order; they add up to `consumptionKwh`. */
  readonly zoneKwh: readonly number[];
  readonly chargedKopecks: number;
  readonly closingBalanceKopecks: number;
}

export interface PaymentRow {
  readonly paidAt: Date;
  readonly amountKopecks: number;
  readonly source: string;
}

export interface DemoHistory {
  readonly charges: ChargeRow[];
  readonly payments: PaymentRow[];
  readonly balanceKopecks: number;
  readonly earlierDebtKopecks: number;
}

const firstYear = 2015;
/** How a month's consumption splits between zones: nights are cheaper, so some of it moves there. */
const shares: Record<number, number[]> = { 1: [1], 2: [0.7, 0.3], 3: [0.25, 0.45, 0.3] };
const sources = ['bank', 'site', 'app', 'office', 'bank', 'app'];
/** Winter evenings burn more light and heat than summer ones. */
const season = [1.35, 1.25, 1.1, 0.95, 0.85, 0.75, 0.72, 0.75, 0.85, 1.0, 1.2, 1.4];

/**
 * Monthly charges since January 2015 and the payments for them (each bill paid on the 8th of the
 * next month), deterministic for an account and the seeding month. Balances: negative is owed.
 * The months are the supplier's: on 31 December at 22:00 in Moscow (19:00 UTC) December is
 * still open, at 00:30 on 1 January (21:30 UTC on the 31st) December is billed.
 */
export function demoHistory(account: DemoAccount, now: Date, timeZone: string): DemoHistory {
  const random = seededRandom(Number(account.number.slice(-4)));
  const months = monthsBefore(billingPeriod(now, timeZone));
  const charges: ChargeRow[] = [];
  const payments: PaymentRow[] = [];
  let balance = 0;
  months.forEach(({ year, month }, index) => {
    const opening = balance;
    pay(paymentsIn(index));
    const zoneKwh = splitByZone(Math.round(account.usualKwh * (season[month - 1] as number) * (0.9 + random() * 0.2)), account.meter.zones.length);
    const consumptionKwh = zoneKwh.reduce((sum, kwh) => sum + kwh, 0);
    const chargedKopecks = account.meter.zones.reduce((sum, zone, index) => sum + (zoneKwh[index] as number) * demoTariff(zone, year), 0);
    balance -= chargedKopecks;
    charges.push({ year, month, openingBalanceKopecks: opening, consumptionKwh, zoneKwh, chargedKopecks, closingBalanceKopecks: balance });
  });
  pay(paymentsIn(months.length));
  const lastCharge = charges.at(-1)?.chargedKopecks ?? 0;
  return { charges, payments, balanceKopecks: balance, earlierDebtKopecks: Math.max(0, -balance - lastCharge) };

  function pay(made: PaymentRow[]): void {
    for (const payment of made) {
      payments.push(payment);
      balance += payment.amountKopecks;
    }
  }

  /**
   * Payments made in month `index`: the bill of the month before, in full, on the 8th (unless
   * the account leaves its latest bills unpaid); last month also the linking payment, on the 15th.
   */
  function paymentsIn(index: number): PaymentRow[] {
    if (index === 0) return [];
    const { year, month } = index < months.length ? (months[index] as Month) : nextMonth(months.at(-1) as Month);
    const monthsBeforeNow = months.length - index;
    const source = sources[index % sources.length] as string;
    const made: PaymentRow[] = [];
    const billPaidAt = new Date(Date.UTC(year, month - 1, 8, 9, 0, 0));
    if (billPaidAt < now && monthsBeforeNow >= account.unpaidMonths && balance < 0) {
      made.push({ paidAt: billPaidAt, amountKopecks: -balance, source });
    }
    if (monthsBeforeNow === 1) {
      made.push({ paidAt: new Date(Date.UTC(year, month - 1, 15, 9, 0, 0)), amountKopecks: account.linkingPaymentKopecks, source: 'app' });
    }
    return made;
  }
}

/** Whole kWh per zone, as each zone's register counts them. */
function splitByZone(total: number, zoneCount: number): number[] {
  return (shares[zoneCount] as number[]).map((share) => Math.round(total * share));
}

interface Month {
  readonly year: number;
  readonly month: number;
}

/** Every complete month from January 2015 up to the one before `current` (`YYYY-MM`). */
function monthsBefore(current: string): Month[] {
  const [year, month] = current.split('-').map(Number) as [number, number];
  const months: Month[] = [];
  for (let at: Month = { year: firstYear, month: 1 }; at.year < year || (at.year === year && at.month < month); at = nextMonth(at)) {
    months.push(at);
  }
  return months;
}

function nextMonth({ year, month }: Month): Month {
  return month === 12 ? { year: year + 1, month: 1 } : { year, month: month + 1 };
}

/** mulberry32: a tiny deterministic generator, so the same seed gives the same history. */
function seededRandom(seed: number): () => number {
  let state = seed >>> 0;
  return () => {
    state = (state + 0x6d2b79f5) >>> 0;
    let t = state;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
