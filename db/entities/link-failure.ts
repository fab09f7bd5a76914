import { defineEntity, p } from '@mikro-orm/core';

/** A failed proof of ownership; an unknown account number counts against the chat only. */
export const LinkFailure = defineEntity({
  name: 'LinkFailure',
  properties: {
    id: p.integer().primary().autoincrement(),
    chatKey: p.string(),
    accountNumber: p.string().length(12).nullable(),
    failedAt: p.datetime(),
  },
  indexes: [{ properties: ['chatKey', 'failedAt'] }, { properties: ['accountNumber', 'failedAt'] }],
});
