import type { AccountNumber } from '../../kernel/account-number';

/** What a signed link in an e-mail opens in the chat («Оплатить и передать показания»). */
export type LinkedTask = 'pay' | 'readings';

/** Links that open the chat on a task for an account: signed, bound to the account, expiring. */
export interface DeepLinks {
  /** The token for the links (Telegram `?start=`, web chat `?start=`): at most 64 characters of `A-Za-z0-9_-`. */
  sign(account: AccountNumber, task: LinkedTask, validUntil: Date): Promise<string>;
  /** The account and task a token opens, or null when it is forged, damaged or expired. */
  open(token: string, now: Date): Promise<{ readonly account: AccountNumber; readonly task: LinkedTask } | null>;
  /** Where a customer follows the token: the bot's chat in Telegram and the web chat page. */
  urls(token: string): Promise<{ readonly telegram: string | null; readonly max: string | null; readonly webChat: string }>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly links: DeepLinks;
  }
}
