import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { AttemptStatus } from './linking-policy';
import type { Locale } from '../../kernel/locale';
import type { LinkedChat, LinkVia } from '../accounts/account-settings';

export type LinkOutcome = 'linked' | 'already-linked' | 'too-many-accounts';

/** Chats as identities, and the accounts each is linked to. */
export interface ChatIdentities {
  locale(chat: ChatAddress): Promise<Locale | null>;
  setLocale(chat: ChatAddress, locale: Locale): Promise<void>;
  /** The linked accounts, the active one first. */
  linkedAccounts(chat: ChatAddress): Promise<AccountNumber[]>;
  /**
   * Links and makes it the active account, unless the chat has `maxAccounts` already (checked in
   * the same transaction, so two links cannot both pass).
   */
  link(
    chat: ChatAddress,
    account: AccountNumber,
    link: { readonly consentAt: Date; readonly at: Date; readonly maxAccounts: number; readonly via: LinkVia },
  ): Promise<LinkOutcome>;
  /** Makes a linked account the active one; false when the chat is not linked to it. */
  choose(chat: ChatAddress, account: AccountNumber, at: Date): Promise<boolean>;
  /** False when there was no such link (removed or revoked already). */
  unlink(chat: ChatAddress, account: AccountNumber): Promise<boolean>;
  /** Every chat linked to the account, on any channel. */
  chatsLinkedTo(account: AccountNumber): Promise<ChatAddress[]>;
  /** «Кто привязан»: the chats linked to the account, how and when, oldest first. */
  linksOf(account: AccountNumber): Promise<LinkedChat[]>;
}

/** Failed proofs of ownership; shared by every process, so the limit survives restarts. */
export interface LinkAttempts {
  status(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<AttemptStatus>;
  recordFailure(chat: ChatAddress, account: AccountNumber | null, now: Date): Promise<void>;
  /**
   * Takes one attempt at proving an account, in one step with the cap: it counts as a failure
   * until `release` gives it back (the proof held), so concurrent guesses cannot pass the cap.
   */
  claim(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ readonly claim: number } | { readonly pausedUntil: Date }>;
  release(claim: number): Promise<void>;
  /** Counts an account number the chat's origin looks up; refused past the budget of distinct numbers. */
  lookup(chat: ChatAddress, account: AccountNumber, now: Date): Promise<{ readonly allowed: true } | { readonly pausedUntil: Date }>;
  /** True once a day per account: the owner is told that someone failed to link it. */
  failureNoticeDue(account: AccountNumber, now: Date): Promise<boolean>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly identities: ChatIdentities;
    readonly attempts: LinkAttempts;
  }
}
