import { defineEntity, p } from '@mikro-orm/core';
import type { Zone } from '../../core/features/readings/meter';
import { Account } from './account';

export const Meter = defineEntity({
  name: 'Meter',
  properties: {
    id: p.integer().primary().autoincrement(),
    account: () => p.manyToOne(Account).index(),
    serialNumber: p.string().unique(),
    /** In the order the meter shows them: `single`, `day`/`night`, or `peak`/`semiPeak`/`night`. */
    zones: p.json<Zone[]>(),
    /** How many whole-kWh digits the register has; it rolls over past them. */
    digits: p.integer(),
    installedOn: p.date(),
  },
});
