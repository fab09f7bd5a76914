import { wallClock } from '../../kernel/period';

/** One stretch of the week when operators answer in the chat: ISO weekdays (1 Monday … 7 Sunday), minutes of the day. */
export interface OperatorShift {
  readonly days: readonly number[];
  readonly from: number;
  readonly until: number;
}

/** `OPERATOR_HOURS`: when a customer can talk to a person, on the supplier's clock. */
export type OperatorHours = readonly OperatorShift[];

const dayNames = ['mon', 'tue', 'wed', 'thu', 'fri', 'sat', 'sun'] as const;

const minutesOf = (time: string): number | null => {
  const match = /^(\d{1,2}):(\d{2})$/.exec(time);
  if (!match) return null;
  const [hours, minutes] = [Number(match[1]), Number(match[2])];
  return hours <= 24 && minutes < 60 && hours * 60 + minutes <= 24 * 60 ? hours * 60 + minutes : null;
};

const dayOf = (name: string): number | null => {
  const index = (dayNames as readonly string[]).indexOf(name.toLowerCase());
  return index === -1 ? null : index + 1;
};

/**
 * «Mon-Fri 09:00-18:00, Sat 10:00-15:00»: days (one, or a range) and the hours of each stretch,
 * separated by commas; null for anything else (the configuration says why).
 */
export function parseOperatorHours(written: string): OperatorHours | null {
  const shifts: OperatorShift[] = [];
  for (const part of written.split(',')) {
    const match = /^\s*([A-Za-z]{3})(?:\s*-\s*([A-Za-z]{3}))?\s+(\d{1,2}:\d{2})\s*-\s*(\d{1,2}:\d{2})\s*$/.exec(part);
    if (!match) return null;
    const [first, last] = [dayOf(match[1] ?? ''), dayOf(match[2] ?? match[1] ?? '')];
    const [from, until] = [minutesOf(match[3] ?? ''), minutesOf(match[4] ?? '')];
    if (first === null || last === null || last < first || from === null || until === null || until <= from) return null;
    shifts.push({ days: Array.from({ length: last - first + 1 }, (_, index) => first + index), from, until });
  }
  return shifts;
}

/** Whether operators answer at `at`, on the wall clock of `timeZone`. */
export function operatorsAnswer(hours: OperatorHours, at: Date, timeZone: string): boolean {
  const clock = wallClock(at, timeZone);
  const weekday = ((new Date(Date.UTC(clock.year, clock.month - 1, clock.day)).getUTCDay() + 6) % 7) + 1;
  const minute = clock.hour * 60 + clock.minute;
  return hours.some((shift) => shift.days.includes(weekday) && minute >= shift.from && minute < shift.until);
}
