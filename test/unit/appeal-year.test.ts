import { appealNumber, appealYear } from '../../core/features/appeals/appeal';

/** Appeals are numbered by the supplier's year: it turns at midnight in Moscow, three hours before UTC. */
describe("an appeal's year", () => {
  it.each([
    ['2026-12-31T20:59:59Z', 'Europe/Moscow', 2026, '23:59:59 on 31 December in Moscow'],
    ['2026-12-31T21:00:00Z', 'Europe/Moscow', 2027, 'midnight in Moscow, still 31 December in UTC'],
    ['2026-12-31T21:30:00Z', 'Europe/Moscow', 2027, '00:30 on 1 January in Moscow, 21:30 on 31 December in UTC'],
    ['2027-01-01T00:30:00Z', 'Europe/Moscow', 2027, 'the new year in both'],
    ['2026-12-31T21:30:00Z', 'UTC', 2026, 'the same instant for a supplier on UTC'],
    ['2026-12-31T15:00:00Z', 'Asia/Vladivostok', 2027, 'a supplier far to the east is in the new year first'],
    ['2027-07-15T09:00:00Z', 'Europe/Moscow', 2027, 'a summer day'],
  ])('filed at %s in %s: %i (%s)', (at, timeZone, year) => {
    expect(appealYear(new Date(at), timeZone)).toBe(year);
  });

  it("gives the first appeal after Moscow's midnight the new year's first number", () => {
    expect(appealNumber(appealYear(new Date('2026-12-31T21:30:00Z'), 'Europe/Moscow'), 1)).toBe('А-2027-000001');
  });
});
