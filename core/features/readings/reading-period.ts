import { shiftPeriod } from '../../kernel/period';
import type { MeterState, ReadingEntry, Zone } from './meter';
import { usualConsumption, usualMonths } from './reading-rules';

/** A reading as it is stored: one zone of one meter in one period. */
export interface StoredReading {
  readonly zone: string;
  /** `YYYY-MM`. */
  readonly period: string;
  readonly value: number;
  readonly consumptionKwh: number;
  readonly submittedAt: Date;
  /** Billing took it («зелёная галочка»). */
  readonly accepted: boolean;
}

/** The earliest period whose readings a meter's state needs in `period`: enough accepted months for the usual one. */
export function readingsNeededSince(period: string): string {
  return shiftPeriod(period, -(usualMonths + 1));
}

/**
 * A meter as the readings flow sees it in `period`, from its stored readings since
 * `readingsNeededSince(period)` (any order): per zone, the last accepted reading, this period's
 * submission that a new one replaces, the usual month, and whether billing took the period.
 */
export function meterState(
  meter: { readonly serialNumber: string; readonly digits: number; readonly zones: readonly Zone[] },
  readings: readonly StoredReading[],
  period: string,
): MeterState {
  const newestFirst = [...readings].sort((a, b) => (a.period < b.period ? 1 : a.period > b.period ? -1 : 0));
  return {
    serialNumber: meter.serialNumber,
    digits: meter.digits,
    zones: meter.zones.map((zone) => {
      const ofZone = newestFirst.filter((reading) => reading.zone === zone);
      const accepted = ofZone.filter((reading) => reading.accepted);
      // Sent this period and not yet taken: a new value replaces it.
      const submitted = ofZone.find((reading) => !reading.accepted && reading.period === period);
      const last = accepted[0];
      return {
        zone,
        lastAccepted: last ? { value: last.value, at: last.submittedAt.toISOString() } : null,
        submitted: submitted ? { value: submitted.value, at: submitted.submittedAt.toISOString() } : null,
        usualKwh: usualConsumption(accepted.map((reading) => reading.consumptionKwh)),
        closed: isClosed(ofZone, period),
      };
    }),
  };
}

/** Billing has taken the zone's reading of the period: the zone takes no more until the next one. */
export function isClosed(readingsOfZone: readonly Pick<StoredReading, 'period' | 'accepted'>[], period: string): boolean {
  return readingsOfZone.some((reading) => reading.accepted && reading.period === period);
}

/** A zone's reading already stored for the submission's period. */
export interface PeriodReading {
  readonly serialNumber: string;
  readonly zone: string;
  readonly accepted: boolean;
}

export type SubmissionPlan<R extends PeriodReading> =
  | { readonly outcome: 'closed' }
  | {
      readonly outcome: 'saved' | 'replaced';
      /** Each entry, with the period's reading it replaces, if any. */
      readonly writes: readonly { readonly entry: ReadingEntry; readonly replaces: R | null }[];
    };

/**
 * All or nothing: when billing took any zone of the submission in its period (while the customer
 * typed), nothing of it is saved; otherwise each value replaces the zone's earlier one of the
 * period, or is new. `existing` are the period's stored readings of the account's meters.
 */
export function planSubmission<R extends PeriodReading>(entries: readonly ReadingEntry[], existing: readonly R[]): SubmissionPlan<R> {
  const writes = entries.map((entry) => ({
    entry,
    replaces: existing.find((reading) => reading.serialNumber === entry.serialNumber && reading.zone === entry.zone) ?? null,
  }));
  if (writes.some(({ replaces }) => replaces?.accepted)) return { outcome: 'closed' };
  return { outcome: writes.some(({ replaces }) => replaces) ? 'replaced' : 'saved', writes };
}
