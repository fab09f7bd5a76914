import { accountNumber, integer, period } from './row-fields';
import { rowKind, dropUnknownAccounts, upsertInto } from './row-kind';

/** `charges`: one row of «Начисления и платежи» per account and billed period. */
export const chargeRows = rowKind({
  name: 'charges',
  shape: {
    account: accountNumber,
    period,
    openingBalanceKopecks: integer(),
    consumptionKwh: integer({ min: 0 }),
    chargedKopecks: integer(),
    closingBalanceKopecks: integer(),
  },
  stagingColumns: [
    ['account', 'varchar(12)'],
    ['year', 'int'],
    ['month', 'int'],
    ['opening_balance_kopecks', 'int'],
    ['consumption_kwh', 'int'],
    ['charged_kopecks', 'int'],
    ['closing_balance_kopecks', 'int'],
  ],
  staged: (row) => [
    row.account,
    Number(row.period.slice(0, 4)),
    Number(row.period.slice(5, 7)),
    row.openingBalanceKopecks,
    row.consumptionKwh,
    row.chargedKopecks,
    row.closingBalanceKopecks,
  ],
  dropUnknownReferences: dropUnknownAccounts,
  upsert: (stage) =>
    upsertInto('monthly_charge', {
      columns: ['account_number', 'year', 'month', 'opening_balance_kopecks', 'consumption_kwh', 'charged_kopecks', 'closing_balance_kopecks'],
      conflict: ['account_number', 'year', 'month'],
      select: [
        'select distinct on (s.account, s.year, s.month)',
        's.account, s.year, s.month, s.opening_balance_kopecks, s.consumption_kwh, s.charged_kopecks, s.closing_balance_kopecks',
        `from ${stage} s order by s.account, s.year, s.month, s.line desc`,
      ].join(' '),
    }),
});
