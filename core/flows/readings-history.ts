import type { Chat } from '../chat';
import { billingPeriod, type ReadingHistoryRow } from '../domain/meter';
import { displayPeriod } from '../domain/period';
import { consumptionChart } from '../reports/consumption-chart';
import type { Services } from '../services';
import { lines, moment, text, type Text } from '../text';
import { now } from './account-confirmation';
import { linkedAccounts, showMenu } from './main-menu';
import { channelName, zoneName, zoneNames } from './meter-words';
import { showPaged } from './paged-report';
import { askPeriod } from './period-choice';

/** «История показаний»: a period of readings per meter and zone, a consumption chart, and CSV on request. */
export async function readingsHistory(chat: Chat, services: Services): Promise<void> {
  const [active] = await linkedAccounts(chat, services);
  if (!active) return showMenu(chat, services, text('history-not-linked'));
  const current = billingPeriod(await now(chat, services, 'history-time'), services.localizer.timeZone);
  const range = await askPeriod(chat, text('history-ask-period'), current);
  const rows = await chat.effect('history', () => services.readings.history(active, range.from, range.to));
  const period = { from: displayPeriod(range.from), to: displayPeriod(range.to) };
  if (rows.length === 0) return showMenu(chat, services, text('history-empty', period));

  const say = (message: Text) => services.localizer.format(chat.locale, message);
  const chart = await chat.effect('history-chart', () =>
    services.files.put({
      name: `consumption-${range.from}-${range.to}.png`,
      mime: 'image/png',
      bytes: consumptionChart(rows, range.from, range.to, {
        title: say(text('chart-title', { account: active, ...period })),
        unit: say(text('chart-unit')),
        zoneName: (zone) => say(zoneNames[zone]),
      }),
    }),
  );
  await chat.send({ id: chart, name: `consumption-${range.from}-${range.to}.png`, mime: 'image/png' }, text('history-chart-caption', { account: active, ...period }));

  const ordered = [...rows].sort((a, b) => a.serialNumber.localeCompare(b.serialNumber) || a.zone.localeCompare(b.zone) || b.period.localeCompare(a.period));
  await showPaged(chat, services, {
    rows: ordered,
    page: (shown, page, pages) => text('history-page', { account: active, ...period, page, pages, rows: table(shown) }),
    csv: {
      name: `readings-${range.from}-${range.to}.csv`,
      header: text('csv-header'),
      caption: text('history-csv-caption', period),
      cells: (words) =>
        ordered.map((row) => [
          row.serialNumber,
          words(zoneNames[row.zone]),
          displayPeriod(row.period),
          words(text('csv-date', { at: moment(new Date(row.submittedAt)) })),
          words(channelName(row.channel)),
          row.value,
          row.consumptionKwh,
          words(row.accepted ? text('answer-yes') : text('answer-no')),
        ]),
    },
  });
}

/** Rows grouped under a heading per meter and zone, newest first. */
function table(rows: readonly ReadingHistoryRow[]) {
  const body: Text[] = [];
  let group = '';
  for (const row of rows) {
    if (`${row.serialNumber}/${row.zone}` !== group) {
      group = `${row.serialNumber}/${row.zone}`;
      body.push(text('history-group', { meter: row.serialNumber, zone: zoneName(row.zone) }));
    }
    body.push(
      text('history-row', {
        at: moment(new Date(row.submittedAt)),
        channel: lines([channelName(row.channel)]),
        value: String(row.value),
        consumption: row.consumptionKwh,
        accepted: row.accepted ? 'yes' : 'no',
      }),
    );
  }
  return lines(body);
}
