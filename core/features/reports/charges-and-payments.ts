import type { Chat } from '../../kernel/chat';
import type { MonthlyStatement, PaymentRecord } from '../account/account';
import { billingPeriod } from '../readings/meter';
import { plainAmount } from '../../kernel/money';
import { displayPeriod, periodStart, shiftPeriod } from '../../kernel/period';
import type { FlowServices } from '../../kernel/services';
import { lines, money, moment, text, words, type Text } from '../../kernel/text';
import { channelName } from '../readings/meter-words';
import { balanceWords } from './balance-words';
import { pendingSince } from '../pay/payment';
import { showReport, type Report, type ReportPage } from './report';

/** A month of the report: billing's statement, or none yet (the month is not charged), and the payments made in it. */
interface StatementRow {
  readonly period: string;
  readonly statement: MonthlyStatement | null;
  readonly payments: readonly PaymentRecord[];
}

/** A payment of the history: posted by billing, or paid at the provider and on its way to the balance. */
interface PaymentRow extends PaymentRecord {
  readonly onItsWay?: true;
}

function paymentsIn(services: FlowServices, page: ReportPage): Promise<PaymentRecord[]> {
  const tz = services.localizer.timeZone;
  return services.accounts.payments(page.account, periodStart(page.range.from, tz), periodStart(shiftPeriod(page.range.to, 1), tz));
}

const paymentWords = (payment: PaymentRecord): Text =>
  text('payment-cell', { at: moment(new Date(payment.paidAt)), amount: money(payment.amount), source: words(channelName(payment.source)) });

/**
 * Each month of the period from the first billing has, with its payments: months after the last
 * one charged (the current month) are rows too, «не начислено», with what was paid in them.
 */
async function statementRows(services: FlowServices, page: ReportPage): Promise<StatementRow[]> {
  const [statements, payments] = await Promise.all([services.accounts.statements(page.account, page.range.from, page.range.to), paymentsIn(services, page)]);
  const last = statements.at(-1);
  if (!last) return [];
  const periods = statements.map((statement) => statement.period);
  for (let period = shiftPeriod(last.period, 1); period <= page.range.to; period = shiftPeriod(period, 1)) periods.push(period);
  const tz = services.localizer.timeZone;
  return periods
    .map((period) => ({
      period,
      statement: statements.find((statement) => statement.period === period) ?? null,
      payments: payments.filter((payment) => billingPeriod(new Date(payment.paidAt), tz) === period),
    }))
    .reverse();
}

/** «Начисления и платежи»: month by month, newest first: balances, charges and the month's payments. */
const chargesReport: Report<StatementRow> = {
  action: 'charges',
  notLinked: text('statements-not-linked'),
  askPeriod: text('charges-ask-period'),
  empty: text('charges-empty'),
  read: statementRows,
  table: (rows, page, at) => ({
    kind: 'table',
    title: text('charges-page', { account: page.account, ...page.shown, ...at }),
    columns: [
      text('charges-column-month'),
      text('charges-column-opening'),
      text('charges-column-charged'),
      text('charges-column-paid'),
      text('charges-column-closing'),
    ],
    rows: rows.map(({ period, statement, payments }) => [
      displayPeriod(period),
      statement ? balanceWords(statement.openingBalance) : '—',
      statement ? money(statement.charged) : words(text('charges-not-charged')),
      payments.length ? lines(payments.map(paymentWords)) : '—',
      statement ? balanceWords(statement.closingBalance) : '—',
    ]),
  }),
  csv: {
    name: 'charges',
    header: text('charges-csv-header'),
    caption: text('charges-csv-caption'),
    cells: (rows, say, locale) =>
      [...rows]
        .reverse()
        .flatMap(({ period, statement, payments }) =>
          (payments.length ? payments : [null]).map((payment) => [
            period.slice(0, 4),
            period.slice(5),
            statement ? plainAmount(-statement.openingBalance, locale) : '',
            statement ? plainAmount(statement.charged, locale) : say(text('charges-not-charged')),
            payment ? say(text('csv-date', { at: moment(new Date(payment.paidAt)) })) : '',
            payment ? plainAmount(payment.amount, locale) : '',
            statement ? plainAmount(-statement.closingBalance, locale) : '',
            payment ? say(channelName(payment.source)) : '',
          ]),
        ),
  },
};

/**
 * Payments of the period, newest first: those paid by card in the chat and not posted by billing
 * yet come first, marked as on their way, while the period reaches today.
 */
async function paymentRows(services: FlowServices, page: ReportPage): Promise<PaymentRow[]> {
  const now = await services.now();
  const reachesToday = page.range.to >= billingPeriod(now, services.localizer.timeZone);
  const [posted, pending] = await Promise.all([
    paymentsIn(services, page),
    reachesToday ? services.payments.pending(page.account, pendingSince(now)) : Promise.resolve([]),
  ]);
  const onItsWay = pending.map((payment): PaymentRow => ({ ...payment, source: 'pending', onItsWay: true }));
  return [...posted, ...onItsWay].sort((a, b) => b.paidAt.localeCompare(a.paidAt));
}

const paymentSource = (payment: PaymentRow): Text => (payment.onItsWay ? text('payments-on-its-way') : channelName(payment.source));

/** «История платежей»: date, amount and source of each payment in the period, newest first. */
const paymentsReport: Report<PaymentRow> = {
  action: 'payments',
  notLinked: text('statements-not-linked'),
  askPeriod: text('payments-ask-period'),
  empty: text('payments-empty'),
  read: paymentRows,
  table: (rows, page, at) => ({
    kind: 'table',
    title: text('payments-page', { account: page.account, ...page.shown, ...at }),
    columns: [text('payments-column-date'), text('payments-column-amount'), text('payments-column-source')],
    rows: rows.map((payment) => [moment(new Date(payment.paidAt)), money(payment.amount), words(paymentSource(payment))]),
  }),
  csv: {
    name: 'payments',
    header: text('payments-csv-header'),
    caption: text('payments-csv-caption'),
    cells: (rows, say, locale) =>
      [...rows]
        .reverse()
        .map((payment) => [say(text('csv-date', { at: moment(new Date(payment.paidAt)) })), plainAmount(payment.amount, locale), say(paymentSource(payment))]),
  },
};

export const chargesAndPayments = (chat: Chat, services: FlowServices, argument?: string) => showReport(chat, services, chargesReport, argument);
export const paymentHistory = (chat: Chat, services: FlowServices, argument?: string) => showReport(chat, services, paymentsReport, argument);
