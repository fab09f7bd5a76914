import { defineEntity, p } from '@mikro-orm/core';
import { Account } from './account';

export const meterZones = ['single', 'day', 'night', 'peak', 'semiPeak'] as const;
export type MeterZone = (typeof meterZones)[number];

export const Meter = defineEntity({
  name: 'Meter',
  properties: {
    id: p.integer().primary().autoincrement(),
    account: () => p.manyToOne(Account).index(),
    serialNumber: p.string().unique(),
    /** In the order the meter shows them: `single`, `day`/`night`, or `peak`/`semiPeak`/`night`. */
    zones: p.json<MeterZone[]>(),
    /** How many whole-kWh digits the register has; it rolls over past them. */
    digits: p.integer(),
    installedOn: p.date(),
  },
});
