import { wallClock } from '../../../core/kernel/period';

/**
 * A `datetime-local` input's value (`2026-12-05T09:00`) carries no zone: on the desk it is the
 * supplier's clock, whatever the zone of the operator's browser or of the server.
 */

/** What the zone's clock reads at `at`, as the UTC milliseconds of the same reading. */
function readingAt(at: number, timeZone: string): number {
  const clock = wallClock(new Date(at), timeZone);
  return Date.UTC(clock.year, clock.month - 1, clock.day, clock.hour, clock.minute, clock.second);
}

/** The instant the zone's clock reads `wall` (`YYYY-MM-DDTHH:mm`, seconds optional); null for no such reading (`2026-02-30T10:00`). */
export function instantOfWallClock(wall: string, timeZone: string): Date | null {
  const match = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(wall);
  if (!match) return null;
  const [year, month, day, hour, minute, second] = match.slice(1).map((part) => Number(part ?? 0)) as [number, number, number, number, number, number];
  const reading = Date.UTC(year, month - 1, day, hour, minute, second);
  if (new Date(reading).toISOString().slice(0, 16) !== wall.slice(0, 16)) return null;
  // The zone's offset at the reading taken as UTC, then again at the instant that gives: right on either side of a change of offset.
  const guess = reading - (readingAt(reading, timeZone) - reading);
  return new Date(reading - (readingAt(guess, timeZone) - guess));
}

/** What the zone's clock reads at `at`, as a `datetime-local` input takes it: `2026-12-05T09:00`. */
export function wallClockOf(at: Date, timeZone: string): string {
  return new Date(readingAt(at.getTime(), timeZone)).toISOString().slice(0, 16);
}
