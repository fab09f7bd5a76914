import { defineEntity, p } from '@mikro-orm/core';

/** An event billing sent (`POST /billing/events`), by its id: one sent twice is acted on once. */
export const BillingEvent = defineEntity({
  name: 'BillingEvent',
  properties: {
    id: p.string().length(100).primary(),
    type: p.string(),
    receivedAt: p.datetime().index(),
  },
});
