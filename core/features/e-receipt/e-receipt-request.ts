import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import { shiftPeriod } from '../../kernel/period';

/**
 * A change that waits for its e-mail link to be followed: the e-receipt's, or the account's own
 * e-mail («Настройки»: without following the link nothing changes). `email` is where the link goes.
 */
export type EReceiptChange =
  | { readonly kind: 'subscribe'; readonly email: string }
  | { readonly kind: 'change-email'; readonly email: string }
  | { readonly kind: 'unsubscribe'; readonly email: string; readonly reason: string }
  | { readonly kind: 'account-email'; readonly email: string };

/** A change and who asked for it: told in the chat once the link is followed. */
export interface EReceiptRequest {
  readonly account: AccountNumber;
  readonly change: EReceiptChange;
  readonly chat: ChatAddress;
  readonly locale: Locale;
}

/** A confirmation link works this long («ссылка действительна 24 часа»). */
export const confirmationLinkValidityMs = 24 * 3600_000;

/**
 * The periods a confirmed change takes effect: the e-receipt starts with the current period's
 * receipt; after unsubscribing, paper resumes from the next billing period.
 */
export function eReceiptPeriods(current: string): { readonly startsWith: string; readonly paperFrom: string } {
  return { startsWith: current, paperFrom: shiftPeriod(current, 1) };
}
