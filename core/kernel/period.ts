import { fail, ok, type Result } from './result';
import { text } from './text';

/** History is kept from January 2015 (domain.md, "History"). */
export const firstPeriod = '2015-01';

/** A range of billing periods, `YYYY-MM`, both ends included. */
export interface PeriodRange {
  readonly from: string;
  readonly to: string;
}

export function shiftPeriod(period: string, months: number): string {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const index = year * 12 + month - 1 + months;
  return `${Math.floor(index / 12)}-${String((index % 12) + 1).padStart(2, '0')}`;
}

/** The last `months` periods up to `current`, never before January 2015. */
export function lastMonths(current: string, months: number): PeriodRange {
  const from = shiftPeriod(current, 1 - months);
  return { from: from < firstPeriod ? firstPeriod : from, to: current };
}

const example = '03.2024–09.2024';

/** Reads a period as people type it: `03.2024–09.2024`, `3.2024 - 9.2024`, `03/2024-09/2024`. */
export function parsePeriodRange(input: string, current: string): Result<PeriodRange> {
  const match = /^(\d{1,2})[./](\d{4})\s*[-–—]\s*(\d{1,2})[./](\d{4})$/.exec(input.trim());
  if (!match) return fail(text('period-format', { example }));
  const [, fromMonth, fromYear, toMonth, toYear] = match.map(Number) as [number, number, number, number, number];
  if (fromMonth < 1 || fromMonth > 12 || toMonth < 1 || toMonth > 12) return fail(text('period-format', { example }));
  const from = `${fromYear}-${String(fromMonth).padStart(2, '0')}`;
  const to = `${toYear}-${String(toMonth).padStart(2, '0')}`;
  if (from < firstPeriod) return fail(text('period-too-early'));
  if (to > current) return fail(text('period-in-future'));
  if (from > to) return fail(text('period-reversed', { example }));
  return ok({ from, to });
}

/** `2024-03` as people write it: `03.2024`. */
export function displayPeriod(period: string): string {
  const [year, month] = period.split('-');
  return `${month}.${year}`;
}

/** A formatter is costly to make: one per time zone, made once. */
const wallClocks = new Map<string, Intl.DateTimeFormat>();

/** The instant the period begins in the supplier's time zone (00:00 on the 1st). */
export function periodStart(period: string, timeZone: string): Date {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const guess = Date.UTC(year, month - 1, 1);
  let format = wallClocks.get(timeZone);
  if (!format) {
    format = new Intl.DateTimeFormat('en-GB', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: '2-digit',
      day: '2-digit',
      hour: '2-digit',
      minute: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(new Date(guess));
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  const wall = Date.UTC(part('year'), part('month') - 1, part('day'), part('hour'), part('minute'));
  return new Date(guess - (wall - guess));
}

/** Month names as people type them, by their first letters: «окт», «октябрь», «октября», «Oct», «October». */
const monthStems: readonly (readonly string[])[] = [
  ['янв', 'jan'],
  ['фев', 'feb'],
  ['мар', 'mar'],
  ['апр', 'apr'],
  ['май', 'мая', 'may'],
  ['июн', 'jun'],
  ['июл', 'jul'],
  ['авг', 'aug'],
  ['сен', 'sep'],
  ['окт', 'oct'],
  ['ноя', 'nov'],
  ['дек', 'dec'],
];

const monthExample = '10.2026';

/** Reads one month as people type it: `10.2026`, `10/2026`, `2026-10`, `октябрь 2026`, `Oct 2026`. */
export function parseMonth(input: string): Result<string> {
  const typed = input
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s*г(ода?)?\.?$/u, '');
  const dotted = /^(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(typed);
  const named = /^(\p{L}+)\.?\s+(\d{4})$/u.exec(typed);
  let month: number | undefined;
  let year: number | undefined;
  if (dotted) [month, year] = [Number(dotted[1]), Number(dotted[2])];
  else if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (named) {
    const word = named[1] as string;
    const index = monthStems.findIndex((stems) => stems.some((stem) => word.startsWith(stem)));
    if (index >= 0) [month, year] = [index + 1, Number(named[2])];
  }
  if (month === undefined || year === undefined || month < 1 || month > 12) return fail(text('month-format', { example: monthExample }));
  return ok(`${year}-${String(month).padStart(2, '0')}`);
}
