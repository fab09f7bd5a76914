import { firstPeriod, shiftPeriod } from '../../kernel/period';

/** Up to April 2020 the archive lists every bill; from May 2020 only those delivered electronically (domain.md, "Receipts"). */
export const lastPaperArchivePeriod = '2020-04';

/** A stretch of the e-receipt: periods `from` up to (not including) `until`; `until` null while it lasts. */
export interface EReceiptTerm {
  readonly email: string;
  readonly from: string;
  readonly until: string | null;
}

/** Where a month's e-receipt goes now: the address of the stretch covering it, or null when none does. */
export function eReceiptAddress(period: string, terms: readonly EReceiptTerm[]): string | null {
  return terms.findLast((term) => term.from <= period && (term.until === null || term.until > period))?.email ?? null;
}

export type ReceiptAvailability = 'available' | 'before-history' | 'not-billed-yet' | 'not-electronic';

export function receiptAvailability(period: string, lastBilled: string, terms: readonly EReceiptTerm[]): ReceiptAvailability {
  if (period < firstPeriod) return 'before-history';
  if (period > lastBilled) return 'not-billed-yet';
  if (period <= lastPaperArchivePeriod) return 'available';
  return terms.some((term) => term.from <= period && (term.until === null || period < term.until)) ? 'available' : 'not-electronic';
}

/** The newest `count` months the archive has, newest first. */
export function recentReceiptPeriods(lastBilled: string, terms: readonly EReceiptTerm[], count: number): string[] {
  const periods: string[] = [];
  for (let period = lastBilled; period >= firstPeriod && periods.length < count; period = shiftPeriod(period, -1)) {
    if (receiptAvailability(period, lastBilled, terms) === 'available') periods.push(period);
  }
  return periods;
}

/** The e-receipt stretch in force now, if any. */
export function currentTerm(terms: readonly EReceiptTerm[]): EReceiptTerm | undefined {
  return terms.find((term) => term.until === null);
}
