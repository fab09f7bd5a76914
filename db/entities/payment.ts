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
  },
  indexes: [{ properties: ['account', 'paidAt'] }],
});
