import type { z } from 'zod';
import type { AccountCard, AccountInfo, MonthlyStatement, PaymentRecord } from '../../../core/features/account/account';
import type { Accounts } from '../../../core/features/account/ports';
import type { MeterState, ReadingEntry, ReadingHistoryRow } from '../../../core/features/readings/meter';
import type { MeterReadings, SubmitOutcome } from '../../../core/features/readings/ports';
import type { ZoneTariff } from '../../../core/features/receipts/receipt';
import type { AccountNumber } from '../../../core/kernel/account-number';
import { BillingUnavailable } from '../../../core/kernel/billing-unavailable';
import type { ChatChannel } from '../../../core/kernel/channel';
import { kopecks, type Kopecks } from '../../../core/kernel/money';
import type { BillingCacheStore } from './billing-cache';
import type { BillingClient } from './billing-client';
import { accountSchema, metersSchema, paymentsSchema, readingsSchema, statementsSchema, submissionOutcomeSchema, tariffsSchema } from './billing-contract';

/** How long an answer is taken as billing's present word: a customer paging through a report asks the same again within seconds. */
const freshMs = { account: 30_000, meters: 30_000, history: 60_000, statements: 60_000, payments: 60_000, tariffs: 10 * 60_000 } as const;

/** The account billing answered for is remembered in energobot's own tables (what links and orders refer to). */
export type RememberAccount = (info: AccountInfo) => Promise<void>;

type Account = z.infer<typeof accountSchema>;

/**
 * The supplier's billing over docs/billing-api.yaml: reads come from a cache that is fresh for
 * seconds, then from billing; while billing is away, the last known answer is given (an account's
 * info says as of when), and only what was never answered is `BillingUnavailable`.
 */
export class HttpBilling implements Accounts, MeterReadings {
  constructor(
    private readonly client: BillingClient,
    private readonly cache: BillingCacheStore,
    private readonly remember: RememberAccount,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async card(number: AccountNumber): Promise<AccountCard | null> {
    const info = await this.info(number);
    return info && { number: info.number, address: info.address, email: info.email };
  }

  async info(number: AccountNumber): Promise<AccountInfo | null> {
    const read = await this.cached(number, 'account', freshMs.account, 'GET /v1/accounts/{account}', `/v1/accounts/${number}`, accountSchema);
    if (!read.value) return null;
    const info = infoOf(read.value);
    if (read.live) await this.remember(info);
    return read.asOf ? { ...info, asOf: read.asOf } : info;
  }

  async statements(number: AccountNumber, from: string, to: string): Promise<MonthlyStatement[]> {
    const read = await this.cached(
      number,
      `statements:${from}:${to}`,
      freshMs.statements,
      'GET /v1/accounts/{account}/statements',
      `/v1/accounts/${number}/statements?${new URLSearchParams({ from, to })}`,
      statementsSchema,
    );
    return (read.value?.statements ?? []).map((row) => ({
      period: row.period,
      openingBalance: kopecks(row.openingBalanceKopecks),
      charged: kopecks(row.chargedKopecks),
      closingBalance: kopecks(row.closingBalanceKopecks),
    }));
  }

  async payments(number: AccountNumber, paidFrom: Date, paidBefore: Date): Promise<PaymentRecord[]> {
    const range = { paidFrom: paidFrom.toISOString(), paidBefore: paidBefore.toISOString() };
    const read = await this.cached(
      number,
      `payments:${range.paidFrom}:${range.paidBefore}`,
      freshMs.payments,
      'GET /v1/accounts/{account}/payments',
      `/v1/accounts/${number}/payments?${new URLSearchParams(range)}`,
      paymentsSchema,
    );
    return (read.value?.payments ?? []).map(paymentOf);
  }

  /** The proof of owning an account is asked of billing itself, never of what was kept. */
  async hasPayment(number: AccountNumber, amount: Kopecks, paidAfter: Date, paidBefore: Date): Promise<boolean> {
    const range = { paidFrom: paidAfter.toISOString(), paidBefore: new Date(paidBefore.getTime() + 1).toISOString() };
    const answer = await this.client.read(
      'GET /v1/accounts/{account}/payments',
      `/v1/accounts/${number}/payments?${new URLSearchParams(range)}`,
      paymentsSchema,
    );
    return (answer?.payments ?? []).some((payment) => payment.amountKopecks === amount);
  }

  async tariffs(period: string): Promise<ZoneTariff[]> {
    const read = await this.cached('tariffs', period, freshMs.tariffs, 'GET /v1/tariffs', `/v1/tariffs?${new URLSearchParams({ period })}`, tariffsSchema);
    return (read.value?.tariffs ?? []).map((row) => ({ zone: row.zone, kopecksPerKwh: row.kopecksPerKwh }));
  }

  async meters(account: AccountNumber, period: string): Promise<MeterState[]> {
    const read = await this.cached(
      account,
      `meters:${period}`,
      freshMs.meters,
      'GET /v1/accounts/{account}/meters',
      `/v1/accounts/${account}/meters?${new URLSearchParams({ period })}`,
      metersSchema,
    );
    const at = (reading: { value: number; at: string } | null) => reading && { value: reading.value, at: new Date(reading.at).toISOString() };
    return (read.value?.meters ?? []).map((meter) => ({
      serialNumber: meter.serialNumber,
      digits: meter.digits,
      zones: meter.zones.map((zone) => ({ ...zone, lastAccepted: at(zone.lastAccepted), submitted: at(zone.submitted) })),
    }));
  }

  async history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]> {
    const read = await this.cached(
      account,
      `history:${from}:${to}`,
      freshMs.history,
      'GET /v1/accounts/{account}/readings',
      `/v1/accounts/${account}/readings?${new URLSearchParams({ from, to })}`,
      readingsSchema,
    );
    return (read.value?.readings ?? []).map((row) => ({ ...row, submittedAt: new Date(row.submittedAt).toISOString() }));
  }

  async submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: ChatChannel, at: Date, period: string, key: string): Promise<SubmitOutcome> {
    const answer = await this.client.write(
      'POST /v1/accounts/{account}/readings',
      `/v1/accounts/${account}/readings`,
      { period, submittedAt: at.toISOString(), channel, entries },
      key,
      submissionOutcomeSchema,
    );
    // What the account's meters and history show has changed: the next look asks billing.
    await this.cache.forget(account).catch(() => undefined);
    if (answer.body) return { kind: answer.body.outcome };
    if (answer.status === 409) return { kind: 'closed' };
    if (answer.error?.code === 'unknown-meter') return { kind: 'unknown-meter' };
    if (answer.status === 422 || answer.status === 404)
      return { kind: 'refused', reason: answer.error?.message || answer.error?.code || String(answer.status) };
    throw new Error(`billing answered ${answer.status} ${answer.error?.code ?? ''} to a readings submission`);
  }

  /** Billing took the period itself: what was kept of the account is forgotten, and billing says how many readings it holds accepted. */
  async accept(account: AccountNumber, period: string): Promise<number> {
    await this.cache.forget(account);
    return (await this.history(account, period, period)).filter((row) => row.accepted).length;
  }

  /**
   * Fresh from the cache; else billing's answer, kept; else, with billing away, the last known
   * answer with its time. A cache that fails is passed by: billing is asked.
   */
  private async cached<T>(
    scope: string,
    name: string,
    fresh: number,
    endpoint: string,
    path: string,
    schema: z.ZodType<T>,
  ): Promise<{ readonly value: T | null; readonly live: boolean; readonly asOf?: string }> {
    const kept = await this.cache.get(scope, name).catch(() => null);
    const now = this.clock();
    if (kept && now.getTime() - new Date(kept.at).getTime() < fresh) return { value: kept.value as T | null, live: false };
    try {
      const value = await this.client.read(endpoint, path, schema);
      await this.cache.set(scope, name, { value, at: now.toISOString() }).catch(() => undefined);
      return { value, live: true };
    } catch (error) {
      if (error instanceof BillingUnavailable && kept) return { value: kept.value as T | null, live: false, asOf: kept.at };
      throw error;
    }
  }
}

function infoOf(account: Account): AccountInfo {
  return {
    number: account.number as AccountNumber,
    payerName: account.payerName,
    address: account.address,
    email: account.email,
    phone: account.phone,
    residents: account.residents,
    seasonalityFactor: account.seasonalityFactor,
    socialNormKwh: account.socialNormKwh,
    balance: kopecks(account.balanceKopecks),
    earlierDebt: kopecks(account.earlierDebtKopecks),
    demo: account.demo ?? false,
  };
}

function paymentOf(payment: z.infer<typeof paymentsSchema>['payments'][number]): PaymentRecord {
  return { paidAt: new Date(payment.paidAt).toISOString(), amount: kopecks(payment.amountKopecks), source: payment.source };
}
