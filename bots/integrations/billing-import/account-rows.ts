import { accountNumber, decimal, integer, nullable, text } from './row-fields';
import { rowKind, upsertInto } from './row-kind';

const columns = [
  'number',
  'payer_name',
  'address',
  'email',
  'phone',
  'region',
  'residents',
  'seasonality_factor',
  'social_norm_kwh',
  'balance_kopecks',
  'earlier_debt_kopecks',
];

/** `accounts`: the card of each account; the owner's settings and the demo flag are energobot's and stay as they are. */
export const accountRows = rowKind({
  name: 'accounts',
  shape: {
    number: accountNumber,
    payerName: nullable(text()),
    address: text({ minLength: 1, maxLength: 1000 }),
    email: nullable(text()),
    phone: nullable(text()),
    region: text(),
    residents: integer({ min: 0, max: 1000 }),
    seasonalityFactor: decimal({ max: 99.99 }),
    socialNormKwh: nullable(integer({ min: 0 })),
    balanceKopecks: integer(),
    earlierDebtKopecks: integer(),
  },
  stagingColumns: [
    ['number', 'varchar(12)'],
    ['payer_name', 'text'],
    ['address', 'text'],
    ['email', 'text'],
    ['phone', 'text'],
    ['region', 'text'],
    ['residents', 'int'],
    ['seasonality_factor', 'numeric(4,2)'],
    ['social_norm_kwh', 'int'],
    ['balance_kopecks', 'int'],
    ['earlier_debt_kopecks', 'int'],
  ],
  staged: (row) => [
    row.number,
    row.payerName,
    row.address,
    row.email,
    row.phone,
    row.region,
    row.residents,
    row.seasonalityFactor,
    row.socialNormKwh,
    row.balanceKopecks,
    row.earlierDebtKopecks,
  ],
  dropUnknownReferences: () => null,
  upsert: (stage) =>
    upsertInto('account', {
      columns,
      conflict: ['number'],
      select: `select distinct on (number) ${columns.join(', ')} from ${stage} order by number, line desc`,
    }),
});
