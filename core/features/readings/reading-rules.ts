import { fail, ok, type Result } from '../../kernel/result';
import { text } from '../../kernel/text';

/** Consumption above this many times the usual month is queried before it is sent. */
const implausibleFactor = 3;
/** …but small households' readings are not queried for a few dozen kWh. */
const implausibleFloorKwh = 300;

const example = '12345';

/** The usual month is the average of this many latest accepted ones. */
export const usualMonths = 12;

/** A zone's usual monthly consumption: the average of its latest accepted months, newest first. */
export function usualConsumption(acceptedNewestFirst: readonly number[]): number {
  const usual = acceptedNewestFirst.slice(0, usualMonths);
  return usual.length ? Math.round(usual.reduce((sum, kwh) => sum + kwh, 0) / usual.length) : 0;
}

/** A meter shows whole kWh: digits only (spaces between them are fine). */
export function parseReadingValue(input: string, digits: number): Result<number> {
  const compact = input.replace(/[\s\u00a0]/g, '');
  if (!/^\d+$/.test(compact)) return fail(text('reading-not-whole', { example }));
  if (compact.replace(/^0+(?=\d)/, '').length > digits) return fail(text('reading-too-many-digits', { digits }));
  return ok(Number(compact));
}

export type ReadingCheck =
  | { readonly kind: 'fine'; readonly consumptionKwh: number }
  /** Below the last accepted reading, but the register may have passed its capacity. */
  | { readonly kind: 'rollover'; readonly consumptionKwh: number }
  | { readonly kind: 'below'; readonly previous: number }
  | { readonly kind: 'jump'; readonly consumptionKwh: number };

/** The supplier's sanity rules for one zone's new value against its last accepted one. */
export function checkReading(value: number, previous: number | null, digits: number, usualKwh: number): ReadingCheck {
  if (previous === null) return { kind: 'fine', consumptionKwh: 0 };
  const limit = Math.max(usualKwh * implausibleFactor, implausibleFloorKwh);
  if (value < previous) {
    const throughZero = 10 ** digits - previous + value;
    return throughZero <= limit ? { kind: 'rollover', consumptionKwh: throughZero } : { kind: 'below', previous };
  }
  const consumptionKwh = value - previous;
  return consumptionKwh > limit ? { kind: 'jump', consumptionKwh } : { kind: 'fine', consumptionKwh };
}
