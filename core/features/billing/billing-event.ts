import type { AccountNumber } from '../../kernel/account-number';
import type { Kopecks } from '../../kernel/money';

/** What of an account's card billing says changed (the contract's `account.changed`). */
export const accountFields = ['address', 'email', 'payer', 'phone', 'residents', 'meters', 'other'] as const;
export type AccountField = (typeof accountFields)[number];

/** Something that happened in billing that energobot acts on (`POST /billing/events`). */
export type BillingEvent = {
  /** Billing's id of the event: one sent again is acted on once. */
  readonly id: string;
  readonly occurredAt: Date;
} & (
  | {
      /** A payment reached the account's balance. */
      readonly type: 'payment.posted';
      readonly account: AccountNumber;
      readonly paidAt: Date;
      readonly amount: Kopecks;
      /** «Источник оплаты»: bank, site, app, office… */
      readonly source: string;
    }
  | { /** The period is charged: its receipts can go out. */ readonly type: 'charges.published'; readonly period: string }
  | { /** Billing took the period's readings of the account. */ readonly type: 'readings.accepted'; readonly account: AccountNumber; readonly period: string }
  | { readonly type: 'account.changed'; readonly account: AccountNumber; readonly changed: readonly AccountField[] }
);
