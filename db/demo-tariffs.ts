import type { Zone } from '../core/features/readings/meter';

const firstYear = 2015;

/** Night is cheaper, the evening peak dearer: the zone's share of the single-rate tariff. */
const zoneFactor: Record<Zone, number> = { single: 1, day: 1.16, night: 0.6, peak: 1.3, semiPeak: 1 };

/** Kopecks per kWh of a zone in a year: regulated tariffs rise about 6 % every January. */
export function demoTariff(zone: Zone, year: number): number {
  return Math.round(350 * 1.06 ** (year - firstYear) * zoneFactor[zone]);
}

/** Every year's tariffs from 2015 for the zones of the demo meters, as billing publishes them. */
export function demoTariffRows(lastYear: number): { zone: Zone; validFrom: string; kopecksPerKwh: number }[] {
  const rows: { zone: Zone; validFrom: string; kopecksPerKwh: number }[] = [];
  for (let year = firstYear; year <= lastYear; year += 1) {
    for (const zone of Object.keys(zoneFactor) as Zone[]) rows.push({ zone, validFrom: `${year}-01`, kopecksPerKwh: demoTariff(zone, year) });
  }
  return rows;
}
