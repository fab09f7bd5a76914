import { UniqueConstraintViolationException, type MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/domain/account-number';
import type { ChatChannel } from '../../core/domain/channel';
import type { MeterState, ReadingEntry, ReadingHistoryRow, Zone } from '../../core/domain/meter';
import { shiftPeriod } from '../../core/domain/period';
import { usualConsumption, usualMonths } from '../../core/domain/reading-rules';
import type { MeterReadings, SubmitOutcome } from '../../core/ports';
import { Meter, MeterReading } from '../entities';
import { inTransaction } from '../transaction';

export class SqlMeterReadings implements MeterReadings {
  constructor(private readonly orm: MikroORM) {}

  async meters(account: AccountNumber, period: string): Promise<MeterState[]> {
    const em = this.orm.em.fork();
    const meters = await em.find(Meter, { account }, { orderBy: { id: 'asc' } });
    if (meters.length === 0) return [];
    const recent = await em.find(
      MeterReading,
      { meter: { $in: meters.map((meter) => meter.id) }, period: { $gte: shiftPeriod(period, -(usualMonths + 1)) } },
      { orderBy: { period: 'desc' } },
    );
    return meters.map((meter) => ({
      serialNumber: meter.serialNumber,
      digits: meter.digits,
      zones: meter.zones.map((zone) => {
        const ofZone = recent.filter((reading) => reading.meter.id === meter.id && reading.zone === zone);
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
      return await inTransaction(this.orm, async (em) => {
        let replaced = false;
        for (const entry of entries) {
          const meter = await em.findOneOrFail(Meter, { account, serialNumber: entry.serialNumber }, { fields: ['id'] });
          const existing = await em.findOne(MeterReading, { meter, zone: entry.zone, period }, { fields: ['accepted'] });
          // Billing took the period while the customer typed: nothing of this submission is saved.
          if (existing?.accepted) return 'closed' as const;
          const fields = { value: entry.value, consumptionKwh: entry.consumptionKwh, channel, submittedAt: at };
          if (existing) {
            await em.nativeUpdate(MeterReading, { id: existing.id }, fields);
            replaced = true;
          } else {
            await em.insert(MeterReading, { meter: meter.id, zone: entry.zone, period, accepted: false, ...fields });
          }
        }
        return replaced ? ('replaced' as const) : ('saved' as const);
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
