import type { Chat } from '../../kernel/chat';
import type { ReadingHistoryRow } from '../readings/meter';
import { displayPeriod } from '../../kernel/period';
import { consumptionChart } from './consumption-chart';
import type { FlowServices } from '../../kernel/services';
import { moment, text, words, type Text } from '../../kernel/text';
import { showReport, type Report } from './report';
import { channelName, zoneName, zoneNames } from '../readings/meter-words';

/** «История показаний»: per meter and zone, newest first, with a consumption chart and CSV on request. */
const readingsReport: Report<ReadingHistoryRow> = {
  action: 'history',
  notLinked: text('history-not-linked'),
  askPeriod: text('history-ask-period'),
  empty: text('history-empty'),
  async read(services, page) {
    const rows = await services.readings.history(page.account, page.range.from, page.range.to);
    return [...rows].sort((a, b) => a.serialNumber.localeCompare(b.serialNumber) || a.zone.localeCompare(b.zone) || b.period.localeCompare(a.period));
  },
  table: (rows, page, at) => ({
    kind: 'table',
    title: text('history-page', { account: page.account, ...page.shown, ...at }),
    columns: [
      text('history-column-date'),
      text('history-column-meter'),
      text('history-column-value'),
      text('history-column-consumption'),
      text('history-column-channel'),
    ],
    rows: rows.map((row) => [
      moment(new Date(row.submittedAt)),
      words(text('history-meter-zone', { meter: row.serialNumber, zone: zoneName(row.zone) })),
      words(text('history-value', { value: String(row.value), accepted: row.accepted ? 'yes' : 'no' })),
      row.consumptionKwh,
      words(channelName(row.channel)),
    ]),
    note: text('history-accepted-note'),
  }),
  first: sendChart,
  csv: {
    name: 'readings',
    header: text('csv-header'),
    caption: text('history-csv-caption'),
    cells: (rows, say) =>
      rows.map((row) => [
        row.serialNumber,
        say(zoneNames[row.zone]),
        displayPeriod(row.period),
        say(text('csv-date', { at: moment(new Date(row.submittedAt)) })),
        say(channelName(row.channel)),
        row.value,
        row.consumptionKwh,
        say(row.accepted ? text('answer-yes') : text('answer-no')),
      ]),
  },
};

export const readingsHistory = (chat: Chat, services: FlowServices, argument?: string) => showReport(chat, services, readingsReport, argument);

async function sendChart(
  chat: Chat,
  services: FlowServices,
  rows: readonly ReadingHistoryRow[],
  page: Parameters<NonNullable<Report<ReadingHistoryRow>['first']>>[3],
): Promise<void> {
  const say = (message: Text) => services.localizer.format(chat.locale, message);
  const { from, to } = page.range;
  const name = `consumption-${from}-${to}.png`;
  const id = await services.files.put({
    name,
    mime: 'image/png',
    bytes: consumptionChart(rows, from, to, {
      title: say(text('chart-title', { account: page.account, ...page.shown })),
      unit: say(text('chart-unit')),
      zoneName: (zone) => say(zoneNames[zone]),
    }),
  });
  await chat.show({ kind: 'file', file: { id, name, mime: 'image/png' }, caption: text('history-chart-caption', { account: page.account, ...page.shown }) });
}
