import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { AccountSettings, ReadingsWithoutLink } from './account-settings';

/** The owner's settings of an account («Настройки»). */
export interface Settings {
  of(account: AccountNumber): Promise<AccountSettings | null>;
  setReadingsWithoutLink(account: AccountNumber, setting: ReadingsWithoutLink): Promise<void>;
  setManagementByOthers(account: AccountNumber, allowed: boolean): Promise<void>;
  setEmail(account: AccountNumber, email: string): Promise<void>;
}

/** Household invites: a one-time link, valid a day, that links another chat without the payment proof. */
export interface Invites {
  /** The invite's token (for `/start inv_<token>`). */
  create(account: AccountNumber, inviter: ChatAddress, at: Date, expiresAt: Date): Promise<string>;
  /** What an invite opens, without using it. */
  peek(token: string, now: Date): Promise<InviteLookup>;
  /** Uses it for `invitee`, once: a second taker (or a second click) gets `used`. */
  take(token: string, invitee: ChatAddress, now: Date): Promise<InviteLookup>;
}

export type InviteLookup = { readonly account: AccountNumber; readonly inviter: ChatAddress } | { readonly refused: 'unknown' | 'expired' | 'used' };

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly settings: Settings;
    readonly invites: Invites;
  }
}
