import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import type { ChatChannel } from '../../core/kernel/channel';
import type { MeterState, ReadingEntry, ReadingHistoryRow, Zone } from '../../core/features/readings/meter';
import { shiftPeriod } from '../../core/kernel/period';
import { usualConsumption, usualMonths } from '../../core/features/readings/reading-rules';
import type { MeterReadings, SubmitOutcome } from '../../core/features/readings/ports';
import { Meter, MeterReading } from '../entities';
import { booleanColumn, dateColumn, jsonColumn, plainQueryOf } from '../plain-query';
import { inTransaction } from '../transaction';

export class SqlMeterReadings implements MeterReadings {
  constructor(private readonly orm: MikroORM) {}

  /** Read before every reading a customer types: plain rows, no entities built. */
  async meters(account: AccountNumber, period: string): Promise<MeterState[]> {
    const { rows } = plainQueryOf(this.orm);
    const meters = await rows('select id, serial_number, digits, zones from meter where account_number = ? order by id', [account]);
    if (meters.length === 0) return [];
    const recent = (
      await rows(
        'select r.meter_id, r.zone, r.period, r.value, r.consumption_kwh, r.submitted_at, r.accepted from meter_reading r join meter m on m.id = r.meter_id where m.account_number = ? and r.period >= ? order by r.period desc',
        [account, shiftPeriod(period, -(usualMonths + 1))],
      )
    ).map((row) => ({
      meter: Number(row['meter_id']),
      zone: row['zone'],
      period: row['period'],
      value: Number(row['value']),
      consumptionKwh: Number(row['consumption_kwh']),
      submittedAt: dateColumn(row['submitted_at']),
      accepted: booleanColumn(row['accepted']),
    }));
    return meters.map((meter) => ({
      serialNumber: String(meter['serial_number']),
      digits: Number(meter['digits']),
      zones: (jsonColumn<Zone[]>(meter['zones']) ?? []).map((zone) => {
        const ofZone = recent.filter((reading) => reading.meter === Number(meter['id']) && reading.zone === zone);
        const accepted = ofZone.filter((reading) => reading.accepted);
        const submitted = ofZone.find((reading) => !reading.accepted && reading.period === period);
        const closed = ofZone.some((reading) => reading.accepted && reading.period === period);
        const last = accepted[0];
        return {
          zone,
          lastAccepted: last ? { value: last.value, at: last.submittedAt.toISOString() } : null,
          submitted: submitted ? { value: submitted.value, at: submitted.submittedAt.toISOString() } : null,
          usualKwh: usualConsumption(accepted.map((reading) => reading.consumptionKwh)),
          closed,
        };
      }),
    }));
  }

  history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]> {
    return historyOf(this.orm, account, from, to);
  }

  async accept(account: AccountNumber, period: string): Promise<number> {
    const em = this.orm.em.fork();
    const meters = await em.find(Meter, { account }, { fields: ['id'] });
    return em.nativeUpdate(MeterReading, { meter: { $in: meters.map((meter) => meter.id) }, period, accepted: false }, { accepted: true });
  }

  async submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: ChatChannel, at: Date, period: string): Promise<SubmitOutcome> {
    try {
      return await inTransaction(this.orm, async (em, transaction) => {
        // The account's meters with this period's readings, if any: one statement.
        const rows = await plainQueryOf(this.orm).within(transaction).rows(
          'select m.id, m.serial_number, r.id as reading_id, r.zone, r.accepted from meter m left join meter_reading r on r.meter_id = m.id and r.period = ? where m.account_number = ?',
          [period, account],
        );
        const found = entries.map((entry) => {
          const meter = rows.find((row) => row['serial_number'] === entry.serialNumber)?.['id'];
          if (meter === undefined) throw new Error(`Meter ${entry.serialNumber} is not on account ${account}`);
          return { entry, meter: Number(meter), existing: rows.find((row) => row['serial_number'] === entry.serialNumber && row['zone'] === entry.zone) };
        });
        // Billing took the period while the customer typed: nothing of this submission is saved.
        if (found.some(({ existing }) => existing && booleanColumn(existing['accepted']))) return 'closed' as const;
        for (const { entry, meter, existing } of found) {
          const fields = { value: entry.value, consumptionKwh: entry.consumptionKwh, channel, submittedAt: at };
          if (existing) await em.nativeUpdate(MeterReading, { id: Number(existing['reading_id']) }, fields);
          else await em.insert(MeterReading, { meter, zone: entry.zone, period, accepted: false, ...fields });
        }
        return found.some(({ existing }) => existing) ? ('replaced' as const) : ('saved' as const);
      });
    } catch (error) {
      // The same submission raced itself: the unique (meter, zone, period) let one in; this one replaces it.
      if (error instanceof UniqueConstraintViolationException) return this.submit(account, entries, channel, at, period);
      throw error;
    }
  }
}

async function historyOf(orm: MikroORM, account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]> {
  const rows = await orm.em
    .fork()
    .find(MeterReading, { meter: { account }, period: { $gte: from, $lte: to } }, { populate: ['meter'], orderBy: { period: 'asc', meter: { id: 'asc' }, id: 'asc' } });
  return rows.map((row) => ({
    serialNumber: row.meter.serialNumber,
    zone: row.zone as Zone,
    period: row.period,
    submittedAt: row.submittedAt.toISOString(),
    channel: row.channel,
    value: row.value,
    consumptionKwh: row.consumptionKwh,
    accepted: row.accepted,
  }));
}
