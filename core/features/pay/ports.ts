import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { Kopecks } from '../../kernel/money';
import type { PaymentOutcome } from './payment';

/** A payment the customer started in chat, waiting for the provider's word. */
export interface PaymentOrder {
  readonly account: AccountNumber;
  readonly amount: Kopecks;
  readonly includesEstimate: boolean;
  readonly chat: ChatAddress;
}

/** Card payments on the provider's page («оплата»): a link to pay, and the provider's verdict later. */
export interface Payments {
  /** Creates the order at the provider; the link the customer pays by. */
  start(order: PaymentOrder): Promise<{ readonly url: string }>;
  /** Payments the provider confirmed after `since`: paid, but not yet posted to the balance (see `pendingSince`). */
  pending(account: AccountNumber, since: Date): Promise<PendingPayment[]>;
}

export interface PendingPayment {
  readonly amount: Kopecks;
  /** ISO time of the provider's confirmation. */
  readonly paidAt: string;
}

/** The orders behind payment links; a provider's verdict completes one once. */
export interface PaymentOrders {
  create(order: PaymentOrder, provider: string): Promise<string>;
  attachProviderPayment(id: string, providerPaymentId: string): Promise<void>;
  /** Orders still pending that were created before `createdBefore`: to ask their provider about. */
  stale(provider: string, createdBefore: Date): Promise<{ readonly id: string; readonly providerPaymentId: string }[]>;
  find(id: string): Promise<(PaymentOrder & { readonly status: 'pending' | PaymentOutcome; readonly providerPaymentId: string | null }) | null>;
  /** The order, if this call moved it from pending; null for a repeat or an unknown id. */
  complete(id: string, outcome: PaymentOutcome): Promise<PaymentOrder | null>;
  /** Paid orders confirmed after `since` that billing has not posted yet: shown as on their way. */
  succeededSince(account: AccountNumber, since: Date): Promise<PendingPayment[]>;
  /**
   * Billing posted a payment of the account for this amount, made at `paidAt`: the oldest paid
   * order it can be (same amount, created before then, not posted) is no longer on its way. False
   * when none is: the customer paid elsewhere.
   */
  markPosted(account: AccountNumber, amount: Kopecks, paidAt: Date): Promise<boolean>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly payments: Payments;
  }
  interface Policy {
    /** A payment above this is confirmed by the customer before the link is made. */
    readonly paymentConfirmAbove: Kopecks;
  }
}
