import { billingPeriod, type ReadingEntry } from '../../core/features/readings/meter';
import { shiftPeriod } from '../../core/kernel/period';
import { meterState, planSubmission, readingsNeededSince, type PeriodReading, type StoredReading } from '../../core/features/readings/reading-period';

const meter = { serialNumber: 'M-1', digits: 6, zones: ['day', 'night'] } as const;
const at = new Date('2026-11-20T09:00:00Z');
const reading = (period: string, value: number, accepted: boolean, zone = 'day', consumptionKwh = 100): StoredReading => ({
  zone,
  period,
  value,
  consumptionKwh,
  submittedAt: at,
  accepted,
});
const dayOf = (readings: readonly StoredReading[], period: string) => meterState(meter, readings, period).zones.find((zone) => zone.zone === 'day');

describe("a zone's state in the period", () => {
  it.each<[string, StoredReading[], { closed: boolean; submitted: number | null; lastAccepted: number | null; usualKwh: number }]>([
    ['no readings at all', [], { closed: false, submitted: null, lastAccepted: null, usualKwh: 0 }],
    [
      "last month's reading was taken: this month is open",
      [reading('2026-10', 1000, true)],
      { closed: false, submitted: null, lastAccepted: 1000, usualKwh: 100 },
    ],
    [
      'sent this month, not taken yet: it is the submission a new one replaces',
      [reading('2026-10', 1000, true), reading('2026-11', 1100, false)],
      { closed: false, submitted: 1100, lastAccepted: 1000, usualKwh: 100 },
    ],
    [
      "billing took this month's reading: closed",
      [reading('2026-10', 1000, true), reading('2026-11', 1100, true)],
      { closed: true, submitted: null, lastAccepted: 1100, usualKwh: 100 },
    ],
    [
      'sent last month and never taken: neither submitted now nor accepted',
      [reading('2026-09', 900, true), reading('2026-10', 1000, false)],
      { closed: false, submitted: null, lastAccepted: 900, usualKwh: 100 },
    ],
    [
      "another zone's readings do not count",
      [reading('2026-11', 5000, true, 'night'), reading('2026-11', 5100, false, 'night')],
      { closed: false, submitted: null, lastAccepted: null, usualKwh: 0 },
    ],
    [
      'the last accepted is the newest period, whatever order the rows come in',
      [reading('2026-08', 800, true), reading('2026-10', 1000, true), reading('2026-09', 900, true)],
      { closed: false, submitted: null, lastAccepted: 1000, usualKwh: 100 },
    ],
  ])('%s', (_, readings, expected) => {
    const day = dayOf(readings, '2026-11');
    expect({ closed: day?.closed, submitted: day?.submitted?.value ?? null, lastAccepted: day?.lastAccepted?.value ?? null, usualKwh: day?.usualKwh }).toEqual(
      expected,
    );
  });

  it.each([
    ['twelve accepted months: their average', Array.from({ length: 12 }, (_, i) => 100 + i * 10), 155],
    ['a thirteenth, oldest, month is left out', [...Array.from({ length: 12 }, () => 200), 2000], 200],
    ['fewer months: the average of those there are', [120, 80, 101], 100],
  ])('the usual month: %s', (_, newestFirst, usualKwh) => {
    // November 2026 back month by month, into 2025.
    const readings = newestFirst.map((kwh, i) => reading(shiftPeriod('2026-11', -i), 0, true, 'day', kwh));
    expect(dayOf(readings, '2026-12')?.usualKwh).toBe(usualKwh);
  });

  it('needs the readings of the usual months and one more, back from the period', () => {
    expect(readingsNeededSince('2026-12')).toBe('2025-11');
    expect(readingsNeededSince('2026-01')).toBe('2024-12');
  });

  /** November was taken into billing; months turn at midnight in Moscow, three hours before UTC. */
  it.each([
    ['2026-11-30T20:59:59Z', 'Europe/Moscow', '2026-11', true, '23:59:59 on 30 November in Moscow: November, taken'],
    ['2026-11-30T21:30:00Z', 'Europe/Moscow', '2026-12', false, '00:30 on 1 December in Moscow, still November in UTC: December is open'],
    ['2026-11-30T21:30:00Z', 'UTC', '2026-11', true, 'the same instant for a supplier on UTC: still November'],
  ])('at %s in %s the period is %s and closed is %s (%s)', (instant, timeZone, period, closed) => {
    const current = billingPeriod(new Date(instant), timeZone);
    expect(current).toBe(period);
    expect(dayOf([reading('2026-10', 1000, true), reading('2026-11', 1100, true)], current)?.closed).toBe(closed);
  });
});

describe('a submission, all or nothing', () => {
  const entry = (zone: 'day' | 'night', serialNumber = 'M-1'): ReadingEntry => ({ serialNumber, zone, value: 1200, consumptionKwh: 100 });
  const stored = (zone: string, accepted: boolean, serialNumber = 'M-1'): PeriodReading & { id: number } => ({ serialNumber, zone, accepted, id: zone.length });

  it.each<[string, ReadingEntry[], (PeriodReading & { id: number })[], 'saved' | 'replaced' | 'closed', (number | null)[]]>([
    ['nothing sent this period: both zones saved', [entry('day'), entry('night')], [], 'saved', [null, null]],
    ['one zone sent before: replaced, the other new', [entry('day'), entry('night')], [stored('day', false)], 'replaced', [3, null]],
    ['both sent before: both replaced', [entry('day'), entry('night')], [stored('day', false), stored('night', false)], 'replaced', [3, 5]],
    ['billing took one zone of the two: nothing is saved', [entry('day'), entry('night')], [stored('night', true)], 'closed', []],
    [
      'billing took one zone, the other sent before: nothing is saved',
      [entry('day'), entry('night')],
      [stored('day', false), stored('night', true)],
      'closed',
      [],
    ],
    ['billing took a zone not in this submission: the rest is saved', [entry('day')], [stored('night', true)], 'saved', [null]],
    ["another meter's zone of the same name is not this one's", [entry('day')], [stored('day', true, 'M-2')], 'saved', [null]],
  ])('%s', (_, entries, existing, outcome, replaces) => {
    const plan = planSubmission(entries, existing);
    expect(plan.outcome).toBe(outcome);
    expect('writes' in plan ? plan.writes.map((write) => write.replaces?.id ?? null) : []).toEqual(replaces);
    if ('writes' in plan) expect(plan.writes.map((write) => write.entry)).toEqual(entries);
  });
});
