import type { AccountCard, AccountInfo, MonthlyStatement, PaymentRecord } from './account';
import type { AccountNumber } from '../../kernel/account-number';
import type { Kopecks } from '../../kernel/money';
import type { ZoneTariff } from '../receipts/receipt';

/** The supplier's accounts, as billing knows them. */
export interface Accounts {
  card(number: AccountNumber): Promise<AccountCard | null>;
  info(number: AccountNumber): Promise<AccountInfo | null>;
  hasPayment(number: AccountNumber, amount: Kopecks, paidAfter: Date, paidBefore: Date): Promise<boolean>;
  /** Monthly charges for the periods `from`..`to` (`YYYY-MM`), oldest first. */
  statements(number: AccountNumber, from: string, to: string): Promise<MonthlyStatement[]>;
  /** Payments made from `paidFrom` up to (not including) `paidBefore`, oldest first. */
  payments(number: AccountNumber, paidFrom: Date, paidBefore: Date): Promise<PaymentRecord[]>;
  /** The price of each zone in force for the period. */
  tariffs(period: string): Promise<ZoneTariff[]>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly accounts: Accounts;
  }
}
