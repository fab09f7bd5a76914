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

/** The date and time a wall clock shows at `at` in the time zone. */
export interface WallClock {
  readonly year: number;
  readonly month: number;
  readonly day: number;
  readonly hour: number;
  readonly minute: number;
  readonly second: number;
}

export function wallClock(at: Date, timeZone: string): WallClock {
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
      second: '2-digit',
    });
    wallClocks.set(timeZone, format);
  }
  const parts = format.formatToParts(at);
  const part = (type: string) => Number(parts.find((p) => p.type === type)?.value);
  return { year: part('year'), month: part('month'), day: part('day'), hour: part('hour'), minute: part('minute'), second: part('second') };
}

/** The instant the period begins in the supplier's time zone (00:00 on the 1st). */
export function periodStart(period: string, timeZone: string): Date {
  const [year, month] = period.split('-').map(Number) as [number, number];
  const guess = Date.UTC(year, month - 1, 1);
  const clock = wallClock(new Date(guess), timeZone);
  const wall = Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute);
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

/**
 * Reads one month as people type it: `10.2026`, `10/2026`, `2026-10`, `октябрь 2026`, `Oct 2026`,
 * or a month alone («октябрь»): the latest such month not after `current`.
 */
export function parseMonth(input: string, current: string): Result<string> {
  const typed = input
    .trim()
    .toLowerCase()
    .replace(/ё/g, 'е')
    .replace(/\s*г(ода?)?\.?$/u, '');
  const dotted = /^(\d{1,2})\s*[./-]\s*(\d{4})$/.exec(typed);
  const iso = /^(\d{4})-(\d{1,2})$/.exec(typed);
  const named = /^(\p{L}+)\.?(?:\s+(\d{4}))?$/u.exec(typed);
  let month: number | undefined;
  let year: number | undefined;
  if (dotted) [month, year] = [Number(dotted[1]), Number(dotted[2])];
  else if (iso) [year, month] = [Number(iso[1]), Number(iso[2])];
  else if (named) {
    const word = named[1] as string;
    const index = monthStems.findIndex((stems) => stems.some((stem) => word.startsWith(stem)));
    if (index >= 0) [month, year] = [index + 1, named[2] === undefined ? undefined : Number(named[2])];
  }
  if (month === undefined || month < 1 || month > 12) return fail(text('month-format', { example: monthExample }));
  return ok(resolveMonth(year === undefined ? { month } : { month, year }, current));
}

/** Month names as people write them, whole: «окт», «октябрь», «октября», «в октябре», «Oct.», «October». */
const monthWords: readonly RegExp[] = [
  /^(янв(ар[ьяею])?|jan(uary)?)$/u,
  /^(фев(р|рал[ьяею])?|feb(ruary)?)$/u,
  /^(мар(т|та|те)?|mar(ch)?)$/u,
  /^(апр(ел[ьяею])?|apr(il)?)$/u,
  /^(ма[йяе]|may)$/u,
  /^(июн[ьяе]?|jun[e]?)$/u,
  /^(июл[ьяе]?|jul[y]?)$/u,
  /^(авг(уст|уста|усте)?|aug(ust)?)$/u,
  /^(сен(т|тябр[ьяе])?|sep(t|tember)?)$/u,
  /^(окт(ябр[ьяе])?|oct(ober)?)$/u,
  /^(ноя(бр[ьяе])?|nov(ember)?)$/u,
  /^(дек(абр[ьяе])?|dec(ember)?)$/u,
];

/** The month a word names (1–12), or undefined. */
function monthNamed(word: string): number | undefined {
  const index = monthWords.findIndex((pattern) => pattern.test(word));
  return index >= 0 ? index + 1 : undefined;
}

/**
 * A month as free text names it, with its year when one is given: `10.2026`, `2026-10`,
 * «квитанция за октябрь», «март 2019 г.», «Oct 2026». «May» counts only next to a year (it is a
 * word of its own in English).
 */
export interface NamedMonth {
  readonly month: number;
  readonly year?: number;
}

export function monthIn(typed: string): NamedMonth | null {
  const lower = typed.toLowerCase().replace(/ё/g, 'е');
  const digits = /(?:^|[^\d.,])(\d{1,2})\s*[./]\s*(\d{4})(?!\d)/u.exec(lower) ?? /(?:^|\D)(\d{4})-(\d{1,2})(?!\d)/u.exec(lower);
  if (digits) {
    const [first, second] = [Number(digits[1]), Number(digits[2])];
    const [month, year] = first > 12 ? [second, first] : [first, second];
    if (month >= 1 && month <= 12) return { month, year };
  }
  const words = lower.split(/[^\p{L}\d]+/u).filter(Boolean);
  for (const [index, word] of words.entries()) {
    const month = monthNamed(word);
    if (month === undefined) continue;
    const next = /^(\d{4})(г|года?)?$/u.exec(words[index + 1] ?? '');
    if (next) return { month, year: Number(next[1]) };
    if (word !== 'may') return { month };
  }
  return null;
}

/** A month without its year is the latest such month not after `current`: «октябрь» in November is this October, in September last year's. */
export function resolveMonth(named: NamedMonth, current: string): string {
  const [currentYear, currentMonth] = current.split('-').map(Number) as [number, number];
  const year = named.year ?? (named.month <= currentMonth ? currentYear : currentYear - 1);
  return `${year}-${String(named.month).padStart(2, '0')}`;
}

/**
 * A month carried as a task's argument: `2026-10`, or `--10` for a month the customer named
 * without its year (ISO 8601's notation), which the flow resolves against the supplier's clock.
 */
export function monthArgument(named: NamedMonth): string {
  const month = String(named.month).padStart(2, '0');
  return named.year === undefined ? `--${month}` : `${named.year}-${month}`;
}

/** The month a task's argument names, resolved against `current`; null for anything else. */
export function monthOfArgument(argument: string, current: string): string | null {
  const match = /^(\d{4}|-)-(\d{2})$/.exec(argument);
  if (!match) return null;
  const month = Number(match[2]);
  if (month < 1 || month > 12) return null;
  return resolveMonth(match[1] === '-' ? { month } : { month, year: Number(match[1]) }, current);
}

/** Words that may stand around a month typed on its own: «за октябрь», «март 2019 г.», «for Oct». */
const monthFiller = /^(за|в|во|на|г|год|года|for|in|of|the)$/u;

/** The month when the text names one and nothing else («март 2019», «Oct 2026», «за октябрь», `10.2026`); null otherwise. */
export function onlyMonthIn(typed: string): NamedMonth | null {
  const named = monthIn(typed);
  if (!named) return null;
  const words = typed
    .toLowerCase()
    .replace(/ё/g, 'е')
    .split(/[^\p{L}\d]+/u)
    .filter(Boolean);
  const names = words.filter((word) => monthNamed(word) !== undefined).length;
  const numbers = words.filter((word) => /^(\d{1,2}|\d{4}(г|года?)?)$/u.test(word)).length;
  // One month, so a period (`12.2014–03.2015`) is not read as its first month.
  const one = names + numbers <= 2 && names <= 1;
  return one && names + numbers + words.filter((word) => monthFiller.test(word)).length === words.length ? named : null;
}

/**
 * A report's period carried as a task's argument: a month (see `monthArgument`) or a year
 * (`2025`, up to `current`); null for anything else, an explanation for a period out of reach.
 */
export function rangeOfArgument(argument: string, current: string): Result<PeriodRange> | null {
  const year = /^\d{4}$/.test(argument) ? argument : null;
  const month = year === null ? monthOfArgument(argument, current) : null;
  if (year === null && month === null) return null;
  const from = month ?? `${year}-01`;
  const to = month ?? (`${year}-12` > current ? current : `${year}-12`);
  if (to < firstPeriod) return fail(text('period-too-early'));
  if (from > current) return fail(text('period-in-future'));
  return ok({ from: from < firstPeriod ? firstPeriod : from, to });
}
