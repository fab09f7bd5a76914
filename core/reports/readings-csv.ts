import type { ReadingHistoryRow } from '../domain/meter';
import { displayPeriod } from '../domain/period';

export interface CsvWords {
  readonly header: readonly string[];
  readonly zoneName: (zone: ReadingHistoryRow['zone']) => string;
  readonly channelName: (channel: string) => string;
  readonly date: (iso: string) => string;
  readonly yes: string;
  readonly no: string;
}

/** «История показаний» as CSV for a spreadsheet: `;`-separated with a BOM, as Excel in Russia expects. */
export function readingsCsv(rows: readonly ReadingHistoryRow[], words: CsvWords): Buffer {
  const cell = (value: string | number) => {
    const text = String(value);
    return /[";\n]/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
  };
  const lines = [
    words.header.map(cell).join(';'),
    ...rows.map((row) =>
      [
        row.serialNumber,
        words.zoneName(row.zone),
        displayPeriod(row.period),
        words.date(row.submittedAt),
        words.channelName(row.channel),
        row.value,
        row.consumptionKwh,
        row.accepted ? words.yes : words.no,
      ]
        .map(cell)
        .join(';'),
    ),
  ];
  return Buffer.from(`\ufeff${lines.join('\r\n')}\r\n`, 'utf8');
}
