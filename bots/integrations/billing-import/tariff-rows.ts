import { integer, period, zone } from './row-fields';
import { rowKind, upsertInto } from './row-kind';

/** `tariffs`: a zone's price from a period on, until a later row of the zone. */
export const tariffRows = rowKind({
  name: 'tariffs',
  shape: { zone, validFrom: period, kopecksPerKwh: integer({ min: 0 }) },
  stagingColumns: [
    ['zone', 'text'],
    ['valid_from', 'varchar(7)'],
    ['kopecks_per_kwh', 'int'],
  ],
  staged: (row) => [row.zone, row.validFrom, row.kopecksPerKwh],
  dropUnknownReferences: () => null,
  upsert: (stage) =>
    upsertInto('tariff', {
      columns: ['zone', 'valid_from', 'kopecks_per_kwh'],
      conflict: ['zone', 'valid_from'],
      select: `select distinct on (zone, valid_from) zone, valid_from, kopecks_per_kwh from ${stage} order by zone, valid_from, line desc`,
    }),
});
