import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import type { Content } from '../../kernel/content/content';
import type { AccountNumber } from '../../kernel/account-number';
import type { Locale } from '../../kernel/locale';
import { billingPeriod } from '../readings/meter';
import { displayPeriod, firstPeriod, rangeOfArgument, type PeriodRange } from '../../kernel/period';
import { csv } from './csv';
import type { FlowServices } from '../../kernel/services';
import { text, type Text } from '../../kernel/text';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { askPeriod } from './period-choice';

/** Rows a page: a phone screen or two. */
const pageSize = 24;

export interface ReportPage {
  readonly account: AccountNumber;
  readonly range: PeriodRange;
  /** The period as people write it, for texts: `{ from: '06.2026', to: '11.2026' }`. */
  readonly shown: { readonly from: string; readonly to: string };
}

/** A long report in pages («История показаний», «Начисления и платежи», «История платежей»). */
export interface Report<Row> {
  /** The task that shows it: its buttons (more, CSV) are that task's, with the period and page. */
  readonly action: string;
  readonly notLinked: Text;
  readonly askPeriod: Text;
  readonly empty: Text;
  read(services: FlowServices, page: ReportPage): Promise<readonly Row[]>;
  /** One page as a table; `pages` counts all of them. */
  table(rows: readonly Row[], page: ReportPage, at: { readonly page: number; readonly pages: number }): Content;
  /** Shown before the first page (the consumption chart). */
  first?(chat: Chat, services: FlowServices, rows: readonly Row[], page: ReportPage): Promise<void>;
  readonly csv: {
    /** The file's name before its period: `readings-2026-06-2026-11.csv`. */
    readonly name: string;
    readonly header: Text;
    readonly caption: Text;
    cells(rows: readonly Row[], words: (message: Text) => string, locale: Locale): (string | number)[][];
  };
}

/**
 * Shows a report a page at a time. Nothing of it is kept between messages: «more» and «CSV» are
 * buttons of the report's task carrying the period and the page (`2024-03_2024-09_2`), so each
 * press reads its page afresh and a customer's saved state stays small.
 */
export async function showReport<Row>(chat: Chat, services: FlowServices, report: Report<Row>, argument?: string): Promise<FlowEnd> {
  const account = await activeAccount(chat, services);
  if (!account) return toMenu(report.notLinked);
  const current = billingPeriod(await services.now(), services.localizer.timeZone);
  const asked = reportRequest(argument, current);
  const range =
    asked?.range ??
    (await namedPeriod(chat, argument, current)) ??
    (await askPeriod(chat, { ...report.askPeriod, args: { ...report.askPeriod.args, account } }, current));
  const page: ReportPage = { account, range, shown: { from: displayPeriod(range.from), to: displayPeriod(range.to) } };
  const rows = await report.read(services, page);
  if (rows.length === 0) return toMenu({ ...report.empty, args: { ...report.empty.args, ...page.shown } });

  const period = `${range.from}_${range.to}`;
  if (asked?.page === 'csv') {
    const words = (message: Text) => services.localizer.format(chat.locale, message);
    const name = `${report.csv.name}-${range.from}-${range.to}.csv`;
    const id = await services.files.put({
      name,
      mime: 'text/csv',
      bytes: csv(words(report.csv.header).split(';'), report.csv.cells(rows, words, chat.locale)),
    });
    await chat.show({
      kind: 'file',
      file: { id, name, mime: 'text/csv' },
      caption: { ...report.csv.caption, args: { ...report.csv.caption.args, ...page.shown } },
    });
    return toMenu();
  }
  const pages = Math.ceil(rows.length / pageSize);
  const number = Math.min(asked?.page ?? 1, pages);
  if (number === 1 && report.first) await report.first(chat, services, rows, page);
  await chat.show(report.table(rows.slice((number - 1) * pageSize, number * pageSize), page, { page: number, pages }), [
    ...(number < pages ? [taskButton(report.action, { argument: `${period}_${number + 1}`, label: text('history-more') })] : []),
    taskButton(report.action, { argument: `${period}_csv`, label: text('history-csv') }),
    taskButton('menu', { label: text('history-done') }),
  ]);
}

/** A report button's argument: the period and a page number or `csv`; anything else asks again. */
function reportRequest(argument: string | undefined, current: string): { range: PeriodRange; page: number | 'csv' } | null {
  const match = /^(\d{4}-\d{2})_(\d{4}-\d{2})_(\d{1,4}|csv)$/.exec(argument ?? '');
  if (!match) return null;
  const [, from = '', to = '', page = ''] = match;
  if (from < firstPeriod || to > current || from > to) return null;
  return { range: { from, to }, page: page === 'csv' ? 'csv' : Math.max(1, Number(page)) };
}

/**
 * A period the customer named in free text («начисления за ноябрь» → `--11`, «за 2025 год» →
 * `2025`); one out of reach is explained before the period is asked. Null: none was named.
 */
async function namedPeriod(chat: Chat, argument: string | undefined, current: string): Promise<PeriodRange | null> {
  const named = argument === undefined ? null : rangeOfArgument(argument, current);
  if (named && !named.ok) await chat.say(named.error);
  return named?.ok ? named.value : null;
}
