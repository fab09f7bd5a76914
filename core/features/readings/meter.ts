/** Tariff zones as meters show them; a one-zone meter has the single zone `single`. */
export const zones = ['single', 'day', 'night', 'peak', 'semiPeak'] as const;
export type Zone = (typeof zones)[number];

export interface ZoneReading {
  readonly value: number;
  /** ISO time: readings travel between messages as JSON. */
  readonly at: string;
}

/** A meter as the readings flow needs it: what it shows, and what it showed last. */
export interface MeterState {
  readonly serialNumber: string;
  /** Whole-kWh digits of the register; it rolls over to 0 past them. */
  readonly digits: number;
  readonly zones: readonly {
    readonly zone: Zone;
    /** The last reading accepted for billing («зелёная галочка»). */
    readonly lastAccepted: ZoneReading | null;
    /** This period's submission, which a new one replaces. */
    readonly submitted: ZoneReading | null;
    /** Average monthly consumption of the zone, kWh. */
    readonly usualKwh: number;
    /** Billing has taken this period's reading: the zone takes no more until the next period. */
    readonly closed: boolean;
  }[];
}

/** One value per zone, as the customer confirmed it. */
export interface ReadingEntry {
  readonly serialNumber: string;
  readonly zone: Zone;
  readonly value: number;
  readonly consumptionKwh: number;
}

/** A row of «История показаний». */
export interface ReadingHistoryRow {
  readonly serialNumber: string;
  readonly zone: Zone;
  readonly period: string;
  readonly submittedAt: string;
  readonly channel: string;
  readonly value: number;
  readonly consumptionKwh: number;
  readonly accepted: boolean;
}

/** Building a formatter costs far more than using one; there is one time zone per process. */
const monthFormats = new Map<string, Intl.DateTimeFormat>();

/** «Расчётный период»: the calendar month in the supplier's time zone, as `YYYY-MM`. */
export function billingPeriod(at: Date, timeZone: string): string {
  let format = monthFormats.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-CA', { timeZone, year: 'numeric', month: '2-digit' });
    monthFormats.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => parts.find((p) => p.type === type)?.value ?? '';
  return `${part('year')}-${part('month')}`;
}

export function isZone(value: string): value is Zone {
  return (zones as readonly string[]).includes(value);
}
