import { defineEntity, p } from '@mikro-orm/core';
import { Account } from './account';

/** One row of «Начисления и платежи»: a billing month of one account. */
export const MonthlyCharge = defineEntity({
  name: 'MonthlyCharge',
  properties: {
    id: p.integer().primary().autoincrement(),
    account: () => p.manyToOne(Account),
    year: p.integer(),
    month: p.integer(),
    openingBalanceKopecks: p.integer(),
    consumptionKwh: p.integer(),
    chargedKopecks: p.integer(),
    closingBalanceKopecks: p.integer(),
  },
  uniques: [{ properties: ['account', 'year', 'month'] }],
});
