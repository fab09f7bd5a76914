import type { Chat } from '../../kernel/chat';
import type { MonthlyStatement, PaymentRecord } from '../account/account';
import { billingPeriod } from '../readings/meter';
import { plainAmount } from '../../kernel/money';
import { displayPeriod, periodStart, shiftPeriod } from '../../kernel/period';
import type { FlowServices } from '../../kernel/services';
import { lines, money, moment, text, words, type Text } from '../../kernel/text';
import { channelName } from '../readings/meter-words';
import { balanceWords } from './balance-words';
import { showReport, type Report, type ReportPage } from './report';

interface StatementRow extends MonthlyStatement {
  readonly payments: readonly PaymentRecord[];
}

function paymentsIn(services: FlowServices, page: ReportPage): Promise<PaymentRecord[]> {
  const tz = services.localizer.timeZone;
  return services.accounts.payments(page.account, periodStart(page.range.from, tz), periodStart(shiftPeriod(page.range.to, 1), tz));
}

const paymentWords = (payment: PaymentRecord): Text =>
  text('payment-cell', { at: moment(new Date(payment.paidAt)), amount: money(payment.amount), source: words(channelName(payment.source)) });

/** «Начисления и платежи»: month by month, newest first: balances, charges and the month's payments. */
const chargesReport: Report<StatementRow> = {
  action: 'charges',
  notLinked: text('statements-not-linked'),
  askPeriod: text('charges-ask-period'),
  empty: text('charges-empty'),
  async read(services, page) {
    const [statements, payments] = await Promise.all([services.accounts.statements(page.account, page.range.from, page.range.to), paymentsIn(services, page)]);
    const tz = services.localizer.timeZone;
    return statements
      .map((statement) => ({ ...statement, payments: payments.filter((payment) => billingPeriod(new Date(payment.paidAt), tz) === statement.period) }))
      .reverse();
  },
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
    rows: rows.map((row) => [
      displayPeriod(row.period),
      balanceWords(row.openingBalance),
      money(row.charged),
      row.payments.length ? lines(row.payments.map(paymentWords)) : '—',
      balanceWords(row.closingBalance),
    ]),
  }),
  csv: {
    name: 'charges',
    header: text('charges-csv-header'),
    caption: text('charges-csv-caption'),
    cells: (rows, say, locale) =>
      [...rows]
        .reverse()
        .flatMap((row) =>
          (row.payments.length ? row.payments : [null]).map((payment) => [
            row.period.slice(0, 4),
            row.period.slice(5),
            plainAmount(-row.openingBalance, locale),
            plainAmount(row.charged, locale),
            payment ? say(text('csv-date', { at: moment(new Date(payment.paidAt)) })) : '',
            payment ? plainAmount(payment.amount, locale) : '',
            plainAmount(-row.closingBalance, locale),
            payment ? say(channelName(payment.source)) : '',
          ]),
        ),
  },
};

/** «История платежей»: date, amount and source of each payment in the period, newest first. */
const paymentsReport: Report<PaymentRecord> = {
  action: 'payments',
  notLinked: text('statements-not-linked'),
  askPeriod: text('payments-ask-period'),
  empty: text('payments-empty'),
  read: async (services, page) => (await paymentsIn(services, page)).reverse(),
  table: (rows, page, at) => ({
    kind: 'table',
    title: text('payments-page', { account: page.account, ...page.shown, ...at }),
    columns: [text('payments-column-date'), text('payments-column-amount'), text('payments-column-source')],
    rows: rows.map((payment) => [moment(new Date(payment.paidAt)), money(payment.amount), words(channelName(payment.source))]),
  }),
  csv: {
    name: 'payments',
    header: text('payments-csv-header'),
    caption: text('payments-csv-caption'),
    cells: (rows, say, locale) =>
      [...rows]
        .reverse()
        .map((payment) => [
          say(text('csv-date', { at: moment(new Date(payment.paidAt)) })),
          plainAmount(payment.amount, locale),
          say(channelName(payment.source)),
        ]),
  },
};

export const chargesAndPayments = (chat: Chat, services: FlowServices, argument?: string) => showReport(chat, services, chargesReport, argument);
export const paymentHistory = (chat: Chat, services: FlowServices, argument?: string) => showReport(chat, services, paymentsReport, argument);
