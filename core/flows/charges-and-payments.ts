import type { Chat } from '../chat';
import type { MonthlyStatement, PaymentRecord } from '../domain/account';
import { billingPeriod } from '../domain/meter';
import { plainAmount } from '../domain/money';
import { displayPeriod, periodStart, shiftPeriod } from '../domain/period';
import type { Services } from '../services';
import { lines, money, moment, text, type Text } from '../text';
import { now } from './account-confirmation';
import { linkedAccounts, showMenu } from './main-menu';
import { channelName } from './meter-words';
import { showPaged } from './paged-report';
import { askPeriod } from './period-choice';

interface StatementRow extends MonthlyStatement {
  readonly payments: readonly PaymentRecord[];
}

/** «Начисления и платежи»: month by month, balances, charges and the payments made in the month. */
export async function chargesAndPayments(chat: Chat, services: Services): Promise<void> {
  const chosen = await chosenPeriod(chat, services, text('charges-ask-period'));
  if (!chosen) return;
  const { account, range, period, payments } = chosen;
  const statements = await chat.effect('statements', () => services.accounts.statements(account, range.from, range.to));
  const tz = services.localizer.timeZone;
  const rows: StatementRow[] = statements.map((statement) => ({
    ...statement,
    payments: payments.filter((payment) => billingPeriod(new Date(payment.paidAt), tz) === statement.period),
  }));
  if (rows.length === 0) return showMenu(chat, services, text('charges-empty', period));
  const newestFirst = [...rows].reverse();
  await showPaged(chat, services, {
    rows: newestFirst,
    page: (shown, page, pages) => text('charges-page', { account, ...period, page, pages, rows: lines(shown.map(statementText)) }),
    csv: {
      name: `charges-${range.from}-${range.to}.csv`,
      header: text('charges-csv-header'),
      caption: text('charges-csv-caption', period),
      cells: (words) =>
        rows.flatMap((row) =>
          (row.payments.length ? row.payments : [null]).map((payment) => [
            row.period.slice(0, 4),
            row.period.slice(5),
            plainAmount(-row.openingBalance, chat.locale),
            plainAmount(row.charged, chat.locale),
            payment ? words(text('csv-date', { at: moment(new Date(payment.paidAt)) })) : '',
            payment ? plainAmount(payment.amount, chat.locale) : '',
            plainAmount(-row.closingBalance, chat.locale),
            payment ? words(channelName(payment.source)) : '',
          ]),
        ),
    },
  });
}

/** «История платежей»: date, amount and source of each payment in the period. */
export async function paymentHistory(chat: Chat, services: Services): Promise<void> {
  const chosen = await chosenPeriod(chat, services, text('payments-ask-period'));
  if (!chosen) return;
  const { account, range, period, payments } = chosen;
  if (payments.length === 0) return showMenu(chat, services, text('payments-empty', period));
  await showPaged(chat, services, {
    rows: [...payments].reverse(),
    page: (shown, page, pages) => text('payments-page', { account, ...period, page, pages, rows: lines(shown.map(paymentText)) }),
    csv: {
      name: `payments-${range.from}-${range.to}.csv`,
      header: text('payments-csv-header'),
      caption: text('payments-csv-caption', period),
      cells: (words) =>
        payments.map((payment) => [
          words(text('csv-date', { at: moment(new Date(payment.paidAt)) })),
          plainAmount(payment.amount, chat.locale),
          words(channelName(payment.source)),
        ]),
    },
  });
}

async function chosenPeriod(chat: Chat, services: Services, prompt: Text) {
  const [account] = await linkedAccounts(chat, services);
  if (!account) {
    await showMenu(chat, services, text('statements-not-linked'));
    return null;
  }
  const current = billingPeriod(await now(chat, services, 'period-time'), services.localizer.timeZone);
  const range = await askPeriod(chat, prompt, current);
  const tz = services.localizer.timeZone;
  const payments = await chat.effect('payments', () =>
    services.accounts.payments(account, periodStart(range.from, tz), periodStart(shiftPeriod(range.to, 1), tz)),
  );
  return { account, range, period: { from: displayPeriod(range.from), to: displayPeriod(range.to) }, payments };
}

function balance(kopecks: number) {
  return { amount: money(Math.abs(kopecks)), state: kopecks < 0 ? 'debt' : kopecks > 0 ? 'credit' : 'zero' };
}

function statementText(row: StatementRow): Text {
  const opening = balance(row.openingBalance);
  const closing = balance(row.closingBalance);
  return text('charges-row', {
    month: displayPeriod(row.period),
    opening: opening.amount,
    openingState: opening.state,
    charged: money(row.charged),
    closing: closing.amount,
    closingState: closing.state,
    payments: lines(row.payments.map(paymentText)),
    paid: row.payments.length,
  });
}

function paymentText(payment: PaymentRecord): Text {
  return text('payment-row', { at: moment(new Date(payment.paidAt)), amount: money(payment.amount), source: lines([channelName(payment.source)]) });
}
