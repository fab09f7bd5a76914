import type { AccountNumber } from '../../kernel/account-number';
import type { ChatChannel } from '../../kernel/channel';
import type { MeterState, ReadingEntry, ReadingHistoryRow } from './meter';

/** Meters and their readings («Передача показаний»). */
export interface MeterReadings {
  meters(account: AccountNumber, period: string): Promise<MeterState[]>;
  /**
   * Hands one value per zone for the period to billing; a value already sent this period is
   * replaced; none is saved once billing took the period. `key` is the submission's idempotency
   * key: sent again with it, the first outcome comes back and nothing changes. Throws
   * `BillingUnavailable` when billing cannot be reached.
   */
  submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: ChatChannel, at: Date, period: string, key: string): Promise<SubmitOutcome>;
  /** «История показаний» for the periods `from`..`to` (`YYYY-MM`, both included), oldest first. */
  history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]>;
  /** Marks the period's submitted readings as taken into billing; how many were. */
  accept(account: AccountNumber, period: string): Promise<number>;
}

/** Billing's word on a submission: taken (`replaced` when the period had a value already), or not, and why. */
export type SubmitOutcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'replaced' }
  | { readonly kind: 'closed' }
  /** A meter of the submission is not on the account (billing changed the meters while the customer typed). */
  | { readonly kind: 'unknown-meter' }
  /** Billing refused the values; its reason is told to the customer as it is. */
  | { readonly kind: 'refused'; readonly reason: string };

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly readings: MeterReadings;
  }
}
