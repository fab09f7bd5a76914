import { accountNumber, calendarDate, integer, meterZones, text } from './row-fields';
import { rowKind, dropUnknownAccounts, upsertInto } from './row-kind';

/** `meters`: each meter by its serial number, on the account it is on now. */
export const meterRows = rowKind({
  name: 'meters',
  shape: {
    serialNumber: text({ minLength: 1 }),
    account: accountNumber,
    digits: integer({ min: 1, max: 9 }),
    zones: meterZones,
    installedOn: calendarDate,
  },
  stagingColumns: [
    ['serial_number', 'text'],
    ['account', 'varchar(12)'],
    ['digits', 'int'],
    ['zones', 'jsonb'],
    ['installed_on', 'date'],
  ],
  staged: (row) => [row.serialNumber, row.account, row.digits, JSON.stringify(row.zones), row.installedOn],
  dropUnknownReferences: dropUnknownAccounts,
  upsert: (stage) =>
    upsertInto('meter', {
      columns: ['serial_number', 'account_number', 'digits', 'zones', 'installed_on'],
      conflict: ['serial_number'],
      select: [
        'select distinct on (s.serial_number) s.serial_number, s.account, s.digits, s.zones, s.installed_on',
        `from ${stage} s order by s.serial_number, s.line desc`,
      ].join(' '),
    }),
});
