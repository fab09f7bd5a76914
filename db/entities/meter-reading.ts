import { defineEntity, p } from '@mikro-orm/core';
import { Meter } from './meter';

/** One zone's reading for one billing period; a later submission in the period replaces it. */
export const MeterReading = defineEntity({
  name: 'MeterReading',
  properties: {
    id: p.integer().primary().autoincrement(),
    meter: () => p.manyToOne(Meter),
    zone: p.string(),
    /** `YYYY-MM` in the supplier's time zone. */
    period: p.string().length(7),
    value: p.integer(),
    consumptionKwh: p.integer(),
    /** «Тип ввода»: telegram, webchat, site, app, eReceipt, office. */
    channel: p.string(),
    submittedAt: p.datetime(),
    /** Taken into billing («зелёная галочка»); an accepted reading is no longer replaced. */
    accepted: p.boolean().default(false),
  },
  uniques: [{ properties: ['meter', 'zone', 'period'] }],
});
