import { monthArgument, monthIn, onlyMonthIn } from '../kernel/period';

/** What the matcher hands a task: its name, and what the customer said with it. */
interface Intent {
  readonly action: string;
  readonly argument?: string;
}

/** Tasks over months whose argument is a period: a month or a year. */
const reports = new Set(['charges', 'payments', 'history']);

/**
 * What the customer said along with the task's words, as the task takes it: a reading for
 * readings, an amount (or a 12-digit account) for pay, a month for receipts, a month or a year
 * for the reports. A text that is only a month asks for that month's receipt («март 2019» right
 * after a receipt). Every one of them is still confirmed in its flow.
 */
export function argumentOf(action: string | undefined, typed: string): Intent | null {
  const month = monthIn(typed);
  if (action === undefined) {
    const only = onlyMonthIn(typed);
    return only ? { action: 'receipts', argument: monthArgument(only) } : null;
  }
  const argument =
    action === 'readings'
      ? readingIn(typed)
      : action === 'pay'
        ? payArgument(typed, month !== null)
        : action === 'receipts' && month
          ? monthArgument(month)
          : reports.has(action)
            ? ((month && monthArgument(month)) ?? yearIn(typed))
            : undefined;
  return argument === undefined ? { action } : { action, argument };
}

/**
 * `оплатить 1 500,50 руб` → `1500,50`; `оплатить счёт 1000 0000 0001` → `account:100000000001`.
 * Not when a month is named: its year or number is no amount.
 */
function payArgument(typed: string, monthNamed: boolean): string | undefined {
  const account = /(?:^|\D)(\d{4}[\s-]?\d{4}[\s-]?\d{4})(?!\d)/.exec(typed)?.[1];
  if (account) return `account:${account.replace(/\D/g, '')}`;
  if (monthNamed) return undefined;
  const amount = /(?:^|[^\d.,])(\d{1,3}(?:[\s\u00a0]\d{3})+|\d{1,7})(?:[.,](\d{1,2}))?(?![\d.,]*\d)/.exec(typed);
  if (!amount) return undefined;
  const whole = (amount[1] as string).replace(/\D/g, '');
  return amount[2] === undefined ? whole : `${whole},${amount[2].padEnd(2, '0')}`;
}

/** A year named in the text (`за 2025 год`): from 2015 on, when history begins. */
function yearIn(typed: string): string | undefined {
  return /(?:^|\D)(20[1-9]\d)(?!\d)/.exec(typed)?.[1];
}

/** A meter's value as typed, its thousands apart or not: `34 400` → `34400`. */
function readingIn(typed: string): string | undefined {
  return /(?:^|[^\d.,])(\d{1,3}(?:[\s\u00a0]\d{3})+|\d{1,9})(?!\d)/.exec(typed)?.[1]?.replace(/\D/g, '');
}
