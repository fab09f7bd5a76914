import type { Zone } from '../core/features/readings/meter';
import type { DemoAccount } from './demo-accounts';
import type { ChargeRow } from './demo-history';

export interface ReadingRow {
  readonly zone: Zone;
  readonly period: string;
  readonly value: number;
  readonly consumptionKwh: number;
  readonly channel: string;
  readonly submittedAt: Date;
  readonly accepted: boolean;
}

const channels = ['site', 'app', 'eReceipt', 'site', 'office', 'app'];

/** One accepted reading per zone for every billed month, agreeing with the month's consumption. */
export function demoReadings(account: DemoAccount, charges: readonly ChargeRow[]): ReadingRow[] {
  const { zones, startValues, digits } = account.meter;
  const registers = [...startValues];
  return charges.flatMap((charge, month) =>
    zones.map((zone, index) => {
      const consumptionKwh = charge.zoneKwh[index] as number;
      registers[index] = ((registers[index] as number) + consumptionKwh) % 10 ** digits;
      return {
        zone,
        period: `${charge.year}-${String(charge.month).padStart(2, '0')}`,
        value: registers[index],
        consumptionKwh,
        channel: channels[month % channels.length] as string,
        submittedAt: new Date(Date.UTC(charge.year, charge.month - 1, 24, 8, 0, 0)),
        accepted: true,
      };
    }),
  );
}
