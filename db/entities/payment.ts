import { defineEntity, p } from '@mikro-orm/core';
import { Account } from './account';

export const Payment = defineEntity({
  name: 'Payment',
  properties: {
    id: p.integer().primary().autoincrement(),
    account: () => p.manyToOne(Account),
    paidAt: p.datetime(),
    amountKopecks: p.integer(),
    /** «Источник оплаты»: bank, office, site, app, telegram, webchat… */
    source: p.string(),
    /** Billing's own id of the payment, when it came by import or event: the same payment twice is one row. */
    externalId: p.string().nullable().unique(),
  },
  indexes: [{ properties: ['account', 'paidAt'] }],
});
