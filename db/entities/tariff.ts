import { defineEntity, p } from '@mikro-orm/core';

/** Kopecks per kWh of a tariff zone, from a billing period on, until a later row replaces it. */
export const Tariff = defineEntity({
  name: 'Tariff',
  properties: {
    id: p.integer().primary().autoincrement(),
    zone: p.string(),
    /** `YYYY-MM`: the first period billed at this price. */
    validFrom: p.string().length(7),
    kopecksPerKwh: p.integer(),
  },
  uniques: [{ properties: ['zone', 'validFrom'] }],
});
