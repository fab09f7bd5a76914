import type { Chat } from '../chat';
import { billingPeriod, type ReadingHistoryRow } from '../domain/meter';
import { displayPeriod, firstPeriod, lastMonths, parsePeriodRange, type PeriodRange } from '../domain/period';
import { consumptionChart } from '../reports/consumption-chart';
import { readingsCsv } from '../reports/readings-csv';
import type { Services } from '../services';
import { lines, moment, text, type Text } from '../text';
import { cancelButton, now } from './account-confirmation';
import { linkedAccounts, showMenu } from './main-menu';
import { channelName, zoneName, zoneNames } from './meter-words';

const pageSize = 24;

/** «История показаний»: a period of readings per meter and zone, a consumption chart, and CSV on request. */
export async function readingsHistory(chat: Chat, services: Services): Promise<void> {
  const [active] = await linkedAccounts(chat, services);
  if (!active) return showMenu(chat, services, text('history-not-linked'));
  const current = billingPeriod(await now(chat, services, 'history-time'), services.localizer.timeZone);
  const range = await askPeriod(chat, current);
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
  const pages = Math.ceil(ordered.length / pageSize);
  for (let page = 0; ; ) {
    const options = [
      ...(page + 1 < pages ? [{ value: 'more' as const, label: text('history-more') }] : []),
      { value: 'csv' as const, label: text('history-csv') },
      { value: 'done' as const, label: text('history-done') },
    ];
    const shown = ordered.slice(page * pageSize, (page + 1) * pageSize);
    const answer = await chat.choose(text('history-page', { account: active, ...period, page: page + 1, pages, rows: table(shown) }), options);
    if (answer === 'more') {
      page += 1;
      continue;
    }
    if (answer === 'csv') {
      const name = `readings-${range.from}-${range.to}.csv`;
      const csv = await chat.effect('history-csv', () =>
        services.files.put({
          name,
          mime: 'text/csv',
          bytes: readingsCsv(ordered, {
            header: say(text('csv-header')).split(';'),
            zoneName: (zone) => say(zoneNames[zone]),
            channelName: (channel) => say(channelName(channel)),
            date: (iso) => say(text('csv-date', { at: moment(new Date(iso)) })),
            yes: say(text('answer-yes')),
            no: say(text('answer-no')),
          }),
        }),
      );
      await chat.send({ id: csv, name, mime: 'text/csv' }, text('history-csv-caption', period));
    }
    return showMenu(chat, services);
  }
}

async function askPeriod(chat: Chat, current: string): Promise<PeriodRange> {
  const choice = await chat.choose(text('history-ask-period'), [
    { value: 'last6', label: text('history-last-6') },
    { value: 'last12', label: text('history-last-12') },
    { value: 'all', label: text('history-all') },
    { value: 'custom', label: text('history-custom') },
  ]);
  if (choice === 'last6') return lastMonths(current, 6);
  if (choice === 'last12') return lastMonths(current, 12);
  if (choice === 'all') return { from: firstPeriod, to: current };
  return chat.ask(text('history-ask-range', { example: '03.2024–09.2024' }), (input) => parsePeriodRange(input, current), cancelButton);
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
