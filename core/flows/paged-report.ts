import type { Chat } from '../chat';
import { csv } from '../reports/csv';
import type { Services } from '../services';
import { text, type Text } from '../text';
import { showMenu } from './main-menu';

export interface PagedReport<T> {
  readonly rows: readonly T[];
  /** One page of rows, in words. */
  page(rows: readonly T[], page: number, pages: number): Text;
  /** The whole report as CSV: the header is one text of `;`-separated titles. */
  readonly csv: {
    readonly name: string;
    readonly header: Text;
    readonly caption: Text;
    cells(say: (words: Text) => string): (string | number)[][];
  };
}

const pageSize = 24;

/** Shows a long report a page at a time, with «more», «CSV» and «done»; then the menu. */
export async function showPaged<T>(chat: Chat, services: Services, report: PagedReport<T>): Promise<void> {
  const pages = Math.max(1, Math.ceil(report.rows.length / pageSize));
  for (let page = 0; ; page += 1) {
    const answer = await chat.choose(report.page(report.rows.slice(page * pageSize, (page + 1) * pageSize), page + 1, pages), [
      ...(page + 1 < pages ? [{ value: 'more' as const, label: text('history-more') }] : []),
      { value: 'csv' as const, label: text('history-csv') },
      { value: 'done' as const, label: text('history-done') },
    ]);
    if (answer === 'more') continue;
    if (answer === 'csv') {
      const say = (words: Text) => services.localizer.format(chat.locale, words);
      const { name, header, caption } = report.csv;
      const id = await chat.effect('report-csv', () =>
        services.files.put({ name, mime: 'text/csv', bytes: csv(say(header).split(';'), report.csv.cells(say)) }),
      );
      await chat.send({ id, name, mime: 'text/csv' }, caption);
    }
    return showMenu(chat, services);
  }
}
