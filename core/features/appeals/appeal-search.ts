import { parseAccountNumber, type AccountNumber } from '../../kernel/account-number';
import type { ChatChannel } from '../../kernel/channel';
import { parseAppealNumber, parseMobilePhone, type AppealStatus, type AppealTopic, type FiledAppeal } from './appeal';

/** What an operator typed in the search box, as the appeal's own field it names. */
export type AppealSearchText =
  | { readonly kind: 'number'; readonly number: string }
  | { readonly kind: 'account'; readonly account: AccountNumber }
  | { readonly kind: 'phone'; readonly phone: string }
  | { readonly kind: 'email'; readonly email: string }
  | { readonly kind: 'name'; readonly name: string };

/**
 * «А-2026-000123» (either alphabet, with or without dashes), twelve digits of an account, a mobile
 * number as people write it, an e-mail address, or else a part of the appellant's name (with a
 * letter in it); null for nothing worth looking for.
 */
export function appealSearchText(typed: string): AppealSearchText | null {
  const given = typed.trim().replace(/\s+/g, ' ').slice(0, 100);
  if (given.length < 2) return null;
  const number = parseAppealNumber(given);
  if (number) return { kind: 'number', number };
  const account = parseAccountNumber(given);
  if (account.ok) return { kind: 'account', account: account.value };
  const phone = parseMobilePhone(given);
  if (phone.ok) return { kind: 'phone', phone: phone.value };
  if (given.includes('@')) return { kind: 'email', email: given.toLowerCase() };
  // A part of a name has a letter: «%%» or «12345» names nobody (and is no pattern for everybody).
  const name = foldedName(given).replace(/[%_\\]/g, '');
  return /\p{L}/u.test(name) ? { kind: 'name', name } : null;
}

/** A name as it is compared: case and «ё» do not matter, in any alphabet. */
export function foldedName(name: string): string {
  return name.toLocaleLowerCase('ru').replace(/ё/g, 'е');
}

/** Which appeals the desk or the API lists; every field narrows it. */
export interface AppealFilter {
  readonly text?: AppealSearchText;
  readonly status?: AppealStatus;
  readonly topic?: AppealTopic;
  readonly channel?: ChatChannel;
  /** Filed before this: the appeals older than an age. */
  readonly filedBefore?: Date;
  /** An operator's login, or null: nobody's. */
  readonly assignee?: string | null;
  /** Only those where the customer wrote after the last answer. */
  readonly followUp?: true;
}

/** One page of a list: counted from 1. */
export interface AppealPage {
  readonly page: number;
  readonly perPage: number;
}

export const appealsPerPage = 25;

/**
 * The order a list is shown in: what still waits for an answer is worked from the oldest (the
 * one that waits longest), anything else is looked up, newest first.
 */
export function appealOrder(filter: AppealFilter): 'oldest' | 'newest' {
  return filter.status === 'received' || filter.followUp ? 'oldest' : 'newest';
}

/** Since when the appeal waits for an operator: filed, or written to again after an answer; null when it does not wait. */
export function waitingSince(appeal: Pick<FiledAppeal, 'status' | 'filedAt' | 'followUpAt'>): string | null {
  if (appeal.status !== 'received') return null;
  return appeal.followUpAt ?? appeal.filedAt;
}
