import type { z } from 'zod';
import type { AccountInfo, MonthlyStatement, PaymentRecord } from '../../../core/features/account/account';
import type { MeterState, ReadingHistoryRow } from '../../../core/features/readings/meter';
import type { ZoneTariff } from '../../../core/features/receipts/receipt';
import type { accountSchema, metersSchema, paymentsSchema, readingsSchema, statementsSchema, tariffsSchema } from './billing-contract';

/**
 * The reference server's answers in docs/billing-api.yaml's words: typed by the very schemas
 * energobot's client reads them with, so the two cannot drift apart unnoticed.
 */
type Json<S extends z.ZodType> = z.input<S>;

/** `components.schemas.Error`'s codes. */
export type ErrorCode =
  | 'bad-request'
  | 'unauthorized'
  | 'account-not-found'
  | 'period-closed'
  | 'readings-refused'
  | 'unknown-meter'
  | 'busy'
  | 'unavailable'
  | 'bad-signature'
  | 'stale-timestamp';

export interface ErrorJson {
  readonly error: { readonly code: ErrorCode; readonly message: string };
}

export const errorJson = (code: ErrorCode, message: string): ErrorJson => ({ error: { code, message } });

export function accountJson(info: AccountInfo): Json<typeof accountSchema> {
  return {
    number: info.number,
    payerName: info.payerName,
    address: info.address,
    email: info.email,
    phone: info.phone,
    residents: info.residents,
    seasonalityFactor: info.seasonalityFactor,
    socialNormKwh: info.socialNormKwh,
    balanceKopecks: info.balance,
    earlierDebtKopecks: info.earlierDebt,
    demo: info.demo,
  };
}

export function statementsJson(statements: readonly MonthlyStatement[]): Json<typeof statementsSchema> {
  return {
    statements: statements.map((row) => ({
      period: row.period,
      openingBalanceKopecks: row.openingBalance,
      chargedKopecks: row.charged,
      closingBalanceKopecks: row.closingBalance,
    })),
  };
}

export function paymentsJson(payments: readonly PaymentRecord[]): Json<typeof paymentsSchema> {
  return { payments: payments.map((row) => ({ paidAt: row.paidAt, amountKopecks: row.amount, source: row.source })) };
}

export function tariffsJson(tariffs: readonly ZoneTariff[]): Json<typeof tariffsSchema> {
  return { tariffs: tariffs.map(({ zone, kopecksPerKwh }) => ({ zone, kopecksPerKwh })) };
}

export function metersJson(meters: readonly MeterState[]): Json<typeof metersSchema> {
  return {
    meters: meters.map((meter) => ({
      serialNumber: meter.serialNumber,
      digits: meter.digits,
      zones: meter.zones.map((zone) => ({
        zone: zone.zone,
        lastAccepted: zone.lastAccepted && { value: zone.lastAccepted.value, at: zone.lastAccepted.at },
        submitted: zone.submitted && { value: zone.submitted.value, at: zone.submitted.at },
        usualKwh: zone.usualKwh,
        closed: zone.closed,
      })),
    })),
  };
}

export function readingsJson(readings: readonly ReadingHistoryRow[]): Json<typeof readingsSchema> {
  return {
    readings: readings.map((row) => ({
      serialNumber: row.serialNumber,
      zone: row.zone,
      period: row.period,
      submittedAt: row.submittedAt,
      channel: row.channel,
      value: row.value,
      consumptionKwh: row.consumptionKwh,
      accepted: row.accepted,
    })),
  };
}
