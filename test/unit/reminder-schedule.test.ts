import { dueDate, remindersDue } from '../../core/features/reminders/reminder-schedule';

const usual = { readingsWindow: { from: 15, to: 25 }, paymentDueDay: 10 };

/** Which reminders are due, by the supplier's clock (Moscow, UTC+3): by day only, in the window or the days before the bill is due. */
describe('the reminders due', () => {
  it.each([
    ['2026-12-15T07:00:00Z', usual, ['reminder:readings:2026-12']],
    ['2026-12-15T05:59:00Z', usual, []],
    ['2026-12-15T06:00:00Z', usual, ['reminder:readings:2026-12']],
    ['2026-12-25T17:59:00Z', usual, ['reminder:readings:2026-12']],
    ['2026-12-25T18:00:00Z', usual, []],
    ['2026-12-26T07:00:00Z', usual, []],
    ['2026-12-14T20:59:00Z', usual, []],
    ['2026-12-06T07:00:00Z', usual, []],
    ['2026-12-07T07:00:00Z', usual, ['reminder:payment:2026-12']],
    ['2026-12-10T17:00:00Z', usual, ['reminder:payment:2026-12']],
    ['2026-12-11T07:00:00Z', usual, []],
    // 00:30 on 1 January in Moscow is still 31 December in UTC: night either way.
    ['2026-12-31T21:30:00Z', usual, []],
    ['2027-01-15T06:00:00Z', usual, ['reminder:readings:2027-01']],
    ['2027-01-08T07:00:00Z', { readingsWindow: { from: 1, to: 10 }, paymentDueDay: 10 }, ['reminder:readings:2027-01', 'reminder:payment:2027-01']],
    ['2027-01-01T07:00:00Z', { readingsWindow: { from: 20, to: 28 }, paymentDueDay: 2 }, ['reminder:payment:2027-01']],
  ])('at %s', (at, schedule, expected) => {
    expect(remindersDue(new Date(at), 'Europe/Moscow', schedule).map((due) => due.broadcast)).toEqual(expected);
  });

  it('runs once a day, and what it queues is not sent after 21:00 that day', () => {
    expect(remindersDue(new Date('2026-12-15T07:12:34.567Z'), 'Europe/Moscow', usual)).toEqual([
      {
        kind: 'readings',
        period: '2026-12',
        broadcast: 'reminder:readings:2026-12',
        run: 'reminder:readings:2026-12:15',
        notAfter: new Date('2026-12-15T18:00:00Z'),
      },
    ]);
  });

  it('names the due day as a date', () => {
    expect([dueDate('2026-12', 10), dueDate('2027-01', 5)]).toEqual(['10.12.2026', '05.01.2027']);
  });
});
