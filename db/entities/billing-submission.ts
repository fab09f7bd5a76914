import { defineEntity, p } from '@mikro-orm/core';

/** The embedded billing's memory of each readings submission by its idempotency key: a repeat gets the first answer. */
export const BillingSubmission = defineEntity({
  name: 'BillingSubmission',
  properties: {
    key: p.string().length(64).primary(),
    accountNumber: p.string().length(12),
    /** The first answer, as `SubmitOutcome`. */
    outcome: p.json<Record<string, unknown>>(),
    createdAt: p.datetime(),
  },
});
