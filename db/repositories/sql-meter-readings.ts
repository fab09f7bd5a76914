import { UniqueConstraintViolationException, type MikroORM, type QueryResult } from '@mikro-orm/core';
import type { Knex, SqlEntityManager } from '@mikro-orm/knex';
import { z } from 'zod';
import type { AccountNumber } from '../../core/kernel/account-number';
import type { MeterState, ReadingEntry, ReadingHistoryRow, Zone } from '../../core/features/readings/meter';
import { meterState, planSubmission, readingsNeededSince } from '../../core/features/readings/reading-period';
import type { MeterReadings, SubmitOutcome } from '../../core/features/readings/ports';
import { BillingSubmission, Meter, MeterReading } from '../entities';
import { booleanColumn, dateColumn, jsonColumn, plainQueryOf } from '../plain-query';
import { inTransaction } from '../transaction';

/** A first answer as `submit` stored it under its key. */
const storedOutcome = z.discriminatedUnion('kind', [
  z.object({ kind: z.enum(['saved', 'replaced']) }),
  z.object({ kind: z.enum(['closed', 'unknown-meter']) }),
  z.object({ kind: z.literal('refused'), reason: z.string() }),
]);

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
        [account, readingsNeededSince(period)],
      )
    ).map((row) => ({
      meter: Number(row['meter_id']),
      zone: String(row['zone']),
      period: String(row['period']),
      value: Number(row['value']),
      consumptionKwh: Number(row['consumption_kwh']),
      submittedAt: dateColumn(row['submitted_at']),
      accepted: booleanColumn(row['accepted']),
    }));
    return meters.map((meter) =>
      meterState(
        { serialNumber: String(meter['serial_number']), digits: Number(meter['digits']), zones: jsonColumn<Zone[]>(meter['zones']) ?? [] },
        recent.filter((reading) => reading.meter === Number(meter['id'])),
        period,
      ),
    );
  }

  history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]> {
    return historyOf(this.orm, account, from, to);
  }

  async accept(account: AccountNumber, period: string): Promise<number> {
    const em = this.orm.em.fork();
    const meters = await em.find(Meter, { account }, { fields: ['id'] });
    return em.nativeUpdate(MeterReading, { meter: { $in: meters.map((meter) => meter.id) }, period, accepted: false }, { accepted: true });
  }

  /**
   * The embedded billing takes a submission by its key. `channel` is any «тип ввода» billing
   * records (the reference server takes the contract's, not only the chats').
   */
  async submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: string, at: Date, period: string, key: string): Promise<SubmitOutcome> {
    try {
      return await inTransaction(this.orm, async (em, transaction) => {
        const first = await this.claim(em, transaction, key, account, at);
        if (first) return first;
        const outcome = await this.write(em, transaction, account, entries, channel, at, period);
        await em.nativeUpdate(BillingSubmission, { key }, { outcome: { ...outcome } });
        return outcome;
      });
    } catch (error) {
      // Two submissions raced (other keys, the same zones): the unique (meter, zone, period) let one in; this one replaces it.
      if (error instanceof UniqueConstraintViolationException) return this.submit(account, entries, channel, at, period, key);
      throw error;
    }
  }

  /**
   * The key goes in before anything is written: a repeat racing this one waits on it until this
   * commits, then finds the first answer. Null when the key is new (its answer is written later in
   * the same transaction, so nobody sees the placeholder).
   */
  private async claim(em: SqlEntityManager, transaction: Knex.Transaction, key: string, account: AccountNumber, at: Date): Promise<SubmitOutcome | null> {
    const inserted = await em
      .createQueryBuilder(BillingSubmission)
      .insert({ key, accountNumber: account, outcome: {}, createdAt: at })
      .onConflict('key')
      .ignore()
      .execute<QueryResult>('run');
    if (inserted.affectedRows > 0) return null;
    const [row] = await plainQueryOf(this.orm).within(transaction).rows('select outcome from billing_submission where key = ?', [key]);
    return storedOutcome.parse(jsonColumn(row?.['outcome']));
  }

  private async write(
    em: SqlEntityManager,
    transaction: Knex.Transaction,
    account: AccountNumber,
    entries: readonly ReadingEntry[],
    channel: string,
    at: Date,
    period: string,
  ): Promise<SubmitOutcome> {
    // The account's meters with this period's readings, if any: one statement.
    const rows = await plainQueryOf(this.orm)
      .within(transaction)
      .rows(
        'select m.id, m.serial_number, r.id as reading_id, r.zone, r.accepted from meter m left join meter_reading r on r.meter_id = m.id and r.period = ? where m.account_number = ?',
        [period, account],
      );
    const meterOf = new Map(rows.map((row) => [String(row['serial_number']), Number(row['id'])]));
    if (entries.some((entry) => !meterOf.has(entry.serialNumber))) return { kind: 'unknown-meter' };
    // A meter without a reading this period comes as one row with no reading.
    const stored = rows.flatMap((row) =>
      row['reading_id'] === null || row['reading_id'] === undefined
        ? []
        : [{ serialNumber: String(row['serial_number']), zone: String(row['zone']), accepted: booleanColumn(row['accepted']), id: Number(row['reading_id']) }],
    );
    // Decided in the transaction that writes it: billing may take the period while the customer types.
    const plan = planSubmission(entries, stored);
    if (plan.outcome === 'closed') return { kind: 'closed' };
    for (const { entry, replaces } of plan.writes) {
      const fields = { value: entry.value, consumptionKwh: entry.consumptionKwh, channel, submittedAt: at };
      if (replaces) await em.nativeUpdate(MeterReading, { id: replaces.id }, fields);
      else await em.insert(MeterReading, { meter: meterOf.get(entry.serialNumber) as number, zone: entry.zone, period, accepted: false, ...fields });
    }
    return { kind: plan.outcome };
  }
}

async function historyOf(orm: MikroORM, account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]> {
  const rows = await orm.em
    .fork()
    .find(
      MeterReading,
      { meter: { account }, period: { $gte: from, $lte: to } },
      { populate: ['meter'], orderBy: { period: 'asc', meter: { id: 'asc' }, id: 'asc' } },
    );
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
