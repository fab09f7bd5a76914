import { billingPeriod } from '../../core/features/readings/meter';
import { demoAccounts, type DemoAccount } from '../../db/demo-accounts';
import { demoHistory } from '../../db/demo-history';

const moscow = 'Europe/Moscow';
const account1 = demoAccounts[0] as DemoAccount;
const lastBilled = (at: string) => {
  const last = demoHistory(account1, new Date(at), moscow).charges.at(-1);
  return `${last?.year}-${String(last?.month).padStart(2, '0')}`;
};

/** Months turn at midnight in Moscow, three hours before they do in UTC. */
describe("the supplier's calendar", () => {
  it.each([
    ['2026-12-31T20:59:59Z', '2026-12', '2026-11', '23:59:59 on 31 December in Moscow: December is open'],
    ['2026-12-31T21:00:00Z', '2027-01', '2026-12', 'midnight in Moscow, still 31 December in UTC: the new year has begun'],
    ['2027-01-01T00:30:00Z', '2027-01', '2026-12', 'the first night of the year'],
    ['2026-11-30T21:30:00Z', '2026-12', '2026-11', '00:30 on 1 December in Moscow, 30 November in UTC'],
    ['2027-07-15T09:00:00Z', '2027-07', '2027-06', 'a summer day'],
  ])('at %s the current period is %s and the demo history is billed up to %s (%s)', (at, current, billed) => {
    expect(billingPeriod(new Date(at), moscow)).toBe(current);
    expect(lastBilled(at)).toBe(billed);
  });

  it("a supplier far to the east bills the new year's month while Moscow is in the old one", () => {
    expect(billingPeriod(new Date('2026-12-31T15:00:00Z'), 'Asia/Vladivostok')).toBe('2027-01');
    expect(billingPeriod(new Date('2026-12-31T15:00:00Z'), moscow)).toBe('2026-12');
  });
});
