import { accountNumber, integer, text, zonedTime } from './row-fields';
import { rowKind, dropUnknownAccounts, upsertInto } from './row-kind';

/** `payments`: posted payments, known by billing's id, so a payment imported twice is one payment. */
export const paymentRows = rowKind({
  name: 'payments',
  shape: {
    id: text({ minLength: 1 }),
    account: accountNumber,
    paidAt: zonedTime,
    amountKopecks: integer({ min: 1 }),
    source: text({ minLength: 1 }),
  },
  stagingColumns: [
    ['external_id', 'text'],
    ['account', 'varchar(12)'],
    ['paid_at', 'timestamptz'],
    ['amount_kopecks', 'int'],
    ['source', 'text'],
  ],
  staged: (row) => [row.id, row.account, row.paidAt, row.amountKopecks, row.source],
  dropUnknownReferences: dropUnknownAccounts,
  upsert: (stage) =>
    upsertInto('payment', {
      columns: ['external_id', 'account_number', 'paid_at', 'amount_kopecks', 'source'],
      conflict: ['external_id'],
      select: [
        'select distinct on (s.external_id) s.external_id, s.account, s.paid_at, s.amount_kopecks, s.source',
        `from ${stage} s order by s.external_id, s.line desc`,
      ].join(' '),
    }),
});
