import type { Chat } from '../../kernel/chat';
import type { ReadingHistoryRow } from '../readings/meter';
import type { SubmissionPhoto } from '../readings/ports';
import { displayPeriod } from '../../kernel/period';
import { consumptionChart } from './consumption-chart';
import type { FlowServices } from '../../kernel/services';
import { moment, text, words, type Text } from '../../kernel/text';
import { showReport, type Report } from './report';
import { channelName, zoneName, zoneNames } from '../readings/meter-words';

/** A history row, and whether a photo of the meter came with the submission that sent it. */
type HistoryRow = ReadingHistoryRow & { readonly photo: boolean };

/** The same moment to the second: billing may give the submission's time back without its milliseconds. */
const sameSecond = (a: string, b: string) => Math.floor(Date.parse(a) / 1000) === Math.floor(Date.parse(b) / 1000);

/** Billing's rows, each marked when one of our photos was kept with its submission (the meter, the period, the moment). */
function withPhotos(rows: readonly ReadingHistoryRow[], photos: readonly SubmissionPhoto[]): HistoryRow[] {
  return rows.map((row) => ({
    ...row,
    photo: photos.some((photo) => photo.serialNumber === row.serialNumber && photo.period === row.period && sameSecond(photo.submittedAt, row.submittedAt)),
  }));
}

/** «История показаний»: per meter and zone, newest first, with a consumption chart and CSV on request; 📷 marks a reading sent with a photo. */
const readingsReport: Report<HistoryRow> = {
  action: 'history',
  notLinked: text('history-not-linked'),
  askPeriod: text('history-ask-period'),
  empty: text('history-empty'),
  async read(services, page) {
    const [history, photos] = await Promise.all([
      services.readings.history(page.account, page.range.from, page.range.to),
      services.meterPhotos.of(page.account, page.range.from, page.range.to),
    ]);
    return withPhotos(history, photos).sort(
      (a, b) => a.serialNumber.localeCompare(b.serialNumber) || a.zone.localeCompare(b.zone) || b.period.localeCompare(a.period),
    );
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
      words(text('history-value', { value: String(row.value), accepted: row.accepted ? 'yes' : 'no', photo: row.photo ? 'yes' : 'no' })),
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
  rows: readonly HistoryRow[],
  page: Parameters<NonNullable<Report<HistoryRow>['first']>>[3],
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
