import { Resvg } from '@resvg/resvg-js';
import type { ReadingHistoryRow, Zone } from '../readings/meter';
import { shiftPeriod } from '../../kernel/period';
import { escapeHtml } from '../../kernel/html';

const fontFile = require.resolve('dejavu-fonts-ttf/ttf/DejaVuSans.ttf');
const zoneColours: Record<Zone, string> = { single: '#00589C', day: '#F2A900', night: '#2E4A7D', peak: '#D1495B', semiPeak: '#F2A900' };
const width = 860;
const height = 420;
const plot = { left: 70, right: 20, top: 60, bottom: 70 };

export interface ChartWords {
  readonly title: string;
  readonly unit: string;
  readonly zoneName: (zone: Zone) => string;
}

/** Consumption by month, stacked by zone, as a PNG: for both channels, no browser needed. */
export function consumptionChart(rows: readonly ReadingHistoryRow[], from: string, to: string, words: ChartWords): Buffer {
  const periods: string[] = [];
  for (let period = from; period <= to; period = shiftPeriod(period, 1)) periods.push(period);
  const zones = [...new Set(rows.map((row) => row.zone))];
  const byPeriod = new Map(periods.map((period) => [period, new Map<Zone, number>()]));
  for (const row of rows) {
    const month = byPeriod.get(row.period);
    if (month) month.set(row.zone, (month.get(row.zone) ?? 0) + row.consumptionKwh);
  }
  const totals = periods.map((period) => [...(byPeriod.get(period)?.values() ?? [])].reduce((sum, kwh) => sum + kwh, 0));
  const ticks = axisTicks(Math.max(...totals));
  const top = ticks[ticks.length - 1] as number;
  const innerWidth = width - plot.left - plot.right;
  const innerHeight = height - plot.top - plot.bottom;
  const slot = innerWidth / periods.length;
  const barWidth = Math.max(2, slot * 0.7);
  const y = (kwh: number) => plot.top + innerHeight - (kwh / top) * innerHeight;
  const labelEvery = Math.ceil(periods.length / 18);

  const parts: string[] = [
    `<rect width="${width}" height="${height}" fill="#fff"/>`,
    `<text x="${plot.left}" y="30" font-size="18" font-weight="bold">${escapeHtml(words.title)}</text>`,
  ];
  for (const kwh of ticks) {
    parts.push(
      `<line x1="${plot.left}" x2="${width - plot.right}" y1="${y(kwh)}" y2="${y(kwh)}" stroke="#ddd"/>`,
      `<text x="${plot.left - 8}" y="${y(kwh) + 4}" font-size="12" text-anchor="end">${kwh}</text>`,
    );
  }
  parts.push(
    `<text x="16" y="${plot.top + innerHeight / 2}" font-size="12" transform="rotate(-90 16 ${plot.top + innerHeight / 2})" text-anchor="middle">${escapeHtml(words.unit)}</text>`,
  );
  periods.forEach((period, index) => {
    const x = plot.left + slot * index + (slot - barWidth) / 2;
    let base = 0;
    for (const zone of zones) {
      const kwh = byPeriod.get(period)?.get(zone) ?? 0;
      if (kwh > 0) parts.push(`<rect x="${x}" y="${y(base + kwh)}" width="${barWidth}" height="${y(base) - y(base + kwh)}" fill="${zoneColours[zone]}"/>`);
      base += kwh;
    }
    if (index % labelEvery === 0) {
      const [year, month] = period.split('-');
      const cx = x + barWidth / 2;
      const cy = plot.top + innerHeight + 16;
      parts.push(`<text x="${cx}" y="${cy}" font-size="11" text-anchor="end" transform="rotate(-45 ${cx} ${cy})">${month}.${year?.slice(2)}</text>`);
    }
  });
  if (zones.length > 1) {
    zones.forEach((zone, index) => {
      const x = width - plot.right - 130 * (zones.length - index);
      parts.push(
        `<rect x="${x}" y="40" width="12" height="12" fill="${zoneColours[zone]}"/>`,
        `<text x="${x + 18}" y="51" font-size="12">${escapeHtml(words.zoneName(zone))}</text>`,
      );
    });
  }
  const svg = `<svg xmlns="http://www.w3.org/2000/svg" width="${width}" height="${height}" font-family="DejaVu Sans">${parts.join('')}</svg>`;
  return new Resvg(svg, { font: { fontFiles: [fontFile], loadSystemFonts: false, defaultFontFamily: 'DejaVu Sans' } }).render().asPng();
}

/**
 * The consumption axis's marks, from 0 up past the largest month in round steps (1, 2 or 5 times
 * a power of ten), four steps at most: 0 / 100 / 200 / 300, never 63 / 125 / 188.
 */
export function axisTicks(largestKwh: number): number[] {
  const largest = Math.max(10, largestKwh);
  const step = niceStep(largest / 4);
  return Array.from({ length: Math.ceil(largest / step) + 1 }, (_, index) => index * step);
}

/** The round step (1, 2 or 5 times a power of ten) at least `value`. */
function niceStep(value: number): number {
  const magnitude = 10 ** Math.floor(Math.log10(value));
  return [1, 2, 5, 10].map((step) => step * magnitude).find((candidate) => candidate >= value) as number;
}
