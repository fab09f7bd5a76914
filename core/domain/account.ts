import type { AccountNumber } from './account-number';
import type { Kopecks } from './money';

export interface AccountCard {
  readonly number: AccountNumber;
  readonly address: string;
  readonly email: string | null;
  /** The owner's setting: readings may be sent without linking (default on). */
  readonly readingsWithoutLinkAllowed: boolean;
}

/** What the web account's «Информация» page shows. */
export interface AccountInfo extends AccountCard {
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
}
