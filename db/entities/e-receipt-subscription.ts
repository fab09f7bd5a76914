import { defineEntity, p } from '@mikro-orm/core';
import { Account } from './account';

/**
 * One stretch of an account's e-receipt («Электронная квитанция»): the receipts of the periods
 * `fromPeriod` up to (not including) `untilPeriod` went to `email` instead of paper. The archive
 * shows a month from May 2020 on only when a stretch covers it.
 */
export const EReceiptSubscription = defineEntity({
  name: 'EReceiptSubscription',
  properties: {
    id: p.integer().primary().autoincrement(),
    account: () => p.manyToOne(Account).index(),
    email: p.string(),
    fromPeriod: p.string().length(7),
    /** Paper again from this period on; null while the e-receipt lasts. */
    untilPeriod: p.string().length(7).nullable(),
  },
});
