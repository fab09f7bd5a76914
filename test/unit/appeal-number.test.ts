import { parseAppealNumber } from '../../core/features/appeals/appeal';

/** An appeal's number as operators type it on the desk and in the API: one appeal however written. */
describe('an appeal number as typed', () => {
  it.each([
    ['А-2026-000123', 'А-2026-000123'],
    ['A-2026-000123', 'А-2026-000123'],
    ['а-2026-000123', 'А-2026-000123'],
    ['a2026000123', 'А-2026-000123'],
    [' А 2026 000123 ', 'А-2026-000123'],
    ['А-2026000123', 'А-2026-000123'],
    ['2026-000123', null],
    ['Б-2026-000123', null],
    ['А-2026-00123', null],
    ['А-2026-0001234', null],
    ['А-26-000123', null],
    ['', null],
  ])('%j', (typed, expected) => {
    expect(parseAppealNumber(typed)).toBe(expected);
  });
});
