import { appealSearchText, waitingSince } from '../../core/features/appeals/appeal-search';
import { appealStatistics, percentile } from '../../core/features/appeals/appeal-statistics';

describe('what an operator types in the desk search', () => {
  it.each([
    ['a-2026-000123', { kind: 'number', number: 'А-2026-000123' }],
    ['А2026000123', { kind: 'number', number: 'А-2026-000123' }],
    ['1000 0000 0001', { kind: 'account', account: '100000000001' }],
    ['8 (900) 123-45-67', { kind: 'phone', phone: '+79001234567' }],
    ['+7 900 123 45 67', { kind: 'phone', phone: '+79001234567' }],
    ['Maria@Example.RU', { kind: 'email', email: 'maria@example.ru' }],
    ['  Ёлкина   Мария ', { kind: 'name', name: 'елкина мария' }],
    ['12345', null],
    ['%%', null],
    ['100%_', null],
    ['Ив%ан_', { kind: 'name', name: 'иван' }],
    [' ', null],
    ['я', null],
  ])('%j is looked for as %j', (typed, expected) => {
    expect(appealSearchText(typed)).toEqual(expected);
  });

  it('keeps at most 100 characters of what was typed', () => {
    expect(appealSearchText('ы'.repeat(10_000))).toEqual({ kind: 'name', name: 'ы'.repeat(100) });
  });
});

describe('since when an appeal waits', () => {
  const filedAt = '2027-02-01T09:00:00.000Z';
  it.each([
    [{ status: 'received', filedAt, followUpAt: null }, filedAt],
    [{ status: 'received', filedAt, followUpAt: '2027-02-03T09:00:00.000Z' }, '2027-02-03T09:00:00.000Z'],
    [{ status: 'answered', filedAt, followUpAt: null }, null],
    [{ status: 'closed', filedAt, followUpAt: null }, null],
  ] as const)('%j: %j', (appeal, expected) => {
    expect(waitingSince(appeal)).toBe(expected);
  });
});

describe('the statistics of appeals', () => {
  it('takes the nearest rank for a percentile, and none of nothing', () => {
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.9)).toBe(9);
    expect(percentile([1, 2, 3, 4, 5, 6, 7, 8, 9, 10], 0.5)).toBe(5);
    expect(percentile([7], 0.9)).toBe(7);
    expect(percentile([], 0.5)).toBeNull();
  });

  it('gives the median and the 90th percentile of the first answers in hours, and every topic', () => {
    const hour = 3600_000;
    const statistics = appealStatistics({
      byStatus: { received: 1, answered: 2, closed: 3 },
      byTopic: { payment: 4, other: 2 },
      firstAnswerMs: [30 * hour, 2 * hour, 1.25 * hour, 5 * hour, 26 * hour],
      overdue: 1,
    });
    expect(statistics).toMatchObject({ filed: 6, answered: 5, medianHours: 5, p90Hours: 30, overdue: 1 });
    expect(statistics.byTopic).toContainEqual({ topic: 'outage', count: 0 });
    expect(statistics.byTopic[1]).toEqual({ topic: 'payment', count: 4 });
    expect(appealStatistics({ byStatus: { received: 0, answered: 0, closed: 0 }, byTopic: {}, firstAnswerMs: [], overdue: 0 })).toMatchObject({
      medianHours: null,
      p90Hours: null,
    });
  });
});
