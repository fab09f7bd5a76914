import type { AccountNumber } from '../../kernel/account-number';
import type { Kopecks } from '../../kernel/money';

export interface AccountCard {
  readonly number: AccountNumber;
  readonly address: string;
  readonly email: string | null;
}

/** What the web account's «Информация» page shows. */
export interface AccountInfo extends AccountCard {
  /** The payer, as the receipt names them. */
  readonly payerName: string | null;
  readonly phone: string | null;
  readonly residents: number;
  readonly seasonalityFactor: number;
  /** kWh a month; only some regions have a social norm. */
  readonly socialNormKwh: number | null;
  /** Positive is money in hand, negative is owed. */
  readonly balance: Kopecks;
  /** Owed for periods before the current one. */
  readonly earlierDebt: Kopecks;
  readonly demo: boolean;
  /** Billing is away: these are its figures as it last gave them, at this ISO time. */
  readonly asOf?: string;
}

export interface PaymentRecord {
  /** ISO time: records travel between messages as JSON. */
  readonly paidAt: string;
  readonly amount: Kopecks;
  /** «Источник оплаты»: bank, site, app, office… */
  readonly source: string;
}

/** One month of «Начисления и платежи»; balances are positive in credit, negative owed. */
export interface MonthlyStatement {
  readonly period: string;
  readonly openingBalance: Kopecks;
  readonly charged: Kopecks;
  readonly closingBalance: Kopecks;
}
