import type { Chat, SharedFile } from '../chat';
import type { Services } from '../services';
import { text, type Text } from '../text';
import { showMenu } from './main-menu';

export interface PagedReport<T> {
  readonly rows: readonly T[];
  /** One page of rows, in words. */
  page(rows: readonly T[], page: number, pages: number): Text;
  /** The whole report as a CSV file in the file store, with its caption. */
  csv(): Promise<{ file: SharedFile; caption: Text }>;
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
      const { file, caption } = await report.csv();
      await chat.send(file, caption);
    }
    return showMenu(chat, services);
  }
}
