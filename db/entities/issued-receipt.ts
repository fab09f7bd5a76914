import { defineEntity, p } from '@mikro-orm/core';

/** A receipt PDF as issued: immutable, so the customer gets the same document for the same month every time. */
export const IssuedReceipt = defineEntity({
  name: 'IssuedReceipt',
  properties: {
    id: p.integer().primary().autoincrement(),
    account: p.string().length(12),
    period: p.string().length(7),
    locale: p.string().length(2),
    sha256: p.string().length(64),
    content: p.blob(),
    issuedAt: p.datetime(),
  },
  uniques: [{ properties: ['account', 'period', 'locale'] }],
});
