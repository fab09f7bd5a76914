import { integer, period, text, yesNo, zone, zonedTime } from './row-fields';
import { rowKind, upsertInto } from './row-kind';

/** `readings`: one zone's reading of a meter (by serial number) for a period. */
export const readingRows = rowKind({
  name: 'readings',
  shape: {
    serialNumber: text({ minLength: 1 }),
    zone,
    period,
    value: integer({ min: 0 }),
    consumptionKwh: integer({ min: 0 }),
    submittedAt: zonedTime,
    channel: text({ minLength: 1 }),
    accepted: yesNo,
  },
  stagingColumns: [
    ['serial_number', 'text'],
    ['zone', 'text'],
    ['period', 'varchar(7)'],
    ['value', 'int'],
    ['consumption_kwh', 'int'],
    ['submitted_at', 'timestamptz'],
    ['channel', 'text'],
    ['accepted', 'boolean'],
  ],
  staged: (row) => [row.serialNumber, row.zone, row.period, row.value, row.consumptionKwh, row.submittedAt, row.channel, row.accepted],
  dropUnknownReferences: (stage) =>
    [
      `delete from ${stage} s where not exists (select 1 from meter m where m.serial_number = s.serial_number and m.zones ? s.zone)`,
      'returning s.line, case when exists (select 1 from meter m where m.serial_number = s.serial_number)',
      "then 'meter ' || s.serial_number || ' has no zone ' || s.zone else 'unknown meter ' || s.serial_number end as reason",
    ].join(' '),
  upsert: (stage) =>
    upsertInto('meter_reading', {
      columns: ['meter_id', 'zone', 'period', 'value', 'consumption_kwh', 'submitted_at', 'channel', 'accepted'],
      conflict: ['meter_id', 'zone', 'period'],
      select: [
        'select distinct on (m.id, s.zone, s.period) m.id, s.zone, s.period, s.value, s.consumption_kwh, s.submitted_at, s.channel, s.accepted',
        `from ${stage} s join meter m on m.serial_number = s.serial_number and m.zones ? s.zone`,
        'order by m.id, s.zone, s.period, s.line desc',
      ].join(' '),
    }),
});
