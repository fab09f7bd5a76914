import { monthArgument, monthIn, monthOfArgument, onlyMonthIn, rangeOfArgument } from '../../core/kernel/period';

/** Months and periods as free text names them, resolved against November 2026. */
describe('a month in free text', () => {
  it.each([
    ['квитанция за октябрь', '--10'],
    ['квитанция за март 2019', '2019-03'],
    ['Квитанция за Октябрь 2026 г.', '2026-10'],
    ['receipt for Oct 2026', '2026-10'],
    ['за 09.2026', '2026-09'],
    ['2026-10', '2026-10'],
    ['в мае', '--05'],
    ['May 2020', '2020-05'],
  ])('reads %p as %p', (typed, argument) => {
    const named = monthIn(typed);
    expect(named && monthArgument(named)).toBe(argument);
  });

  it.each(['may I pay now', 'оплатить 1500,50', 'маршрут', 'показания 12345', '13.2026'])('finds no month in %p', (typed) => {
    expect(monthIn(typed)).toBeNull();
  });

  it('tells a text that is only a month from one that says more', () => {
    expect(onlyMonthIn('март 2019')).toEqual({ month: 3, year: 2019 });
    expect(onlyMonthIn('за октябрь')).toEqual({ month: 10 });
    expect(onlyMonthIn('квитанция за октябрь')).toBeNull();
    expect(onlyMonthIn('12.2014–03.2015')).toBeNull();
  });

  it('resolves a month without its year to the latest one not in the future', () => {
    expect(monthOfArgument('--10', '2026-11')).toBe('2026-10');
    expect(monthOfArgument('--11', '2026-11')).toBe('2026-11');
    expect(monthOfArgument('--12', '2026-11')).toBe('2025-12');
    expect(monthOfArgument('2019-03', '2026-11')).toBe('2019-03');
    expect(monthOfArgument('--13', '2026-11')).toBeNull();
    expect(monthOfArgument('500', '2026-11')).toBeNull();
  });

  it('makes a report period of a month or a year, and explains one out of reach', () => {
    expect(rangeOfArgument('--10', '2026-11')).toEqual({ ok: true, value: { from: '2026-10', to: '2026-10' } });
    expect(rangeOfArgument('2025', '2026-11')).toEqual({ ok: true, value: { from: '2025-01', to: '2025-12' } });
    expect(rangeOfArgument('2026', '2026-11')).toEqual({ ok: true, value: { from: '2026-01', to: '2026-11' } });
    expect(rangeOfArgument('2014', '2026-11')).toEqual({ ok: false, error: { key: 'period-too-early' } });
    expect(rangeOfArgument('2030', '2026-11')).toEqual({ ok: false, error: { key: 'period-in-future' } });
    expect(rangeOfArgument('2026-01_2026-03_2', '2026-11')).toBeNull();
  });
});
