import type { AccountNumber } from '../../kernel/account-number';
import type { Locale } from '../../kernel/locale';
import type { EReceiptTerm } from '../receipts/receipt-archive';
import type { EReceiptRequest } from './e-receipt-request';

/** «Электронная квитанция»: which months went out electronically, and to which address. */
export interface EReceipts {
  /** The account's e-receipt stretches, oldest first. */
  terms(account: AccountNumber): Promise<EReceiptTerm[]>;
  /** Accounts whose e-receipt covers the period, with the address it goes to. */
  subscribersOf(period: string): Promise<{ readonly account: AccountNumber; readonly email: string }[]>;
  /** Keeps the request until its link is followed; the link (a random token, stored hashed) to e-mail. */
  request(request: EReceiptRequest, expiresAt: Date): Promise<{ readonly url: string }>;
  /** The request a link's token names, taken once: later the same token is `used` (with the language it was asked in). */
  take(
    token: string,
    now: Date,
  ): Promise<{ readonly request: EReceiptRequest } | { readonly refused: 'unknown' | 'expired' | 'used'; readonly locale: Locale | null }>;
  /** What a link's token names, without taking it: the page says at once that a link was used or has expired. */
  peek(token: string, now: Date): Promise<{ readonly state: 'open' | 'unknown' | 'expired' | 'used'; readonly locale: Locale | null }>;
  subscribe(account: AccountNumber, email: string, fromPeriod: string): Promise<void>;
  changeEmail(account: AccountNumber, email: string): Promise<void>;
  unsubscribe(account: AccountNumber, untilPeriod: string): Promise<void>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly eReceipts: EReceipts;
  }
}
