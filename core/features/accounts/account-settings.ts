import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';

/** How a chat came to an account: the payment proof (the owner's), or an owner's invite (read-only settings). */
export type LinkVia = 'proof' | 'invite';

/** One chat linked to an account, as «Кто привязан» lists it. */
export interface LinkedChat {
  readonly chat: ChatAddress;
  readonly via: LinkVia;
  /** ISO time. */
  readonly linkedAt: string;
}

/**
 * «Безавторизационная передача показаний»: on or off, and a change the owner made that takes
 * effect later («изменения вступят в силу в течение 24 часов»).
 */
export interface ReadingsWithoutLink {
  readonly allowed: boolean;
  readonly change?: { readonly allowed: boolean; /** ISO time. */ readonly from: string };
}

/** The owner's settings of an account («Настройки»). */
export interface AccountSettings {
  readonly account: AccountNumber;
  readonly readingsWithoutLink: ReadingsWithoutLink;
  /** «Управление счётом»: whether another chat may add the account to its list (default on). */
  readonly managementByOthers: boolean;
  readonly email: string | null;
}

/** The seed's «в течение 24 часов»: a change of readings without linking takes effect this long after it is made. */
export const readingsSettingDelayMs = 24 * 3600_000;

/** Whether readings without linking are allowed at `now`, a pending change counted once it is due. */
export function readingsWithoutLinkAllowed(setting: ReadingsWithoutLink, now: Date): boolean {
  return setting.change && Date.parse(setting.change.from) <= now.getTime() ? setting.change.allowed : setting.allowed;
}

/** The setting once the owner asks for `allowed` at `now`: asking back for what is in force drops the pending change. */
export function changeReadingsWithoutLink(setting: ReadingsWithoutLink, allowed: boolean, now: Date): ReadingsWithoutLink {
  const current = readingsWithoutLinkAllowed(setting, now);
  if (current === allowed) return { allowed };
  return { allowed: current, change: { allowed, from: new Date(now.getTime() + readingsSettingDelayMs).toISOString() } };
}

/** Only a chat that proved ownership by a payment may change settings and revoke links. */
export const mayManage = (via: LinkVia | null): boolean => via === 'proof';

/**
 * The seed's «Управление счётом»: an account whose owner turned it off cannot be added by proof
 * to a chat while other chats hold it; its owner's invite still can.
 */
export function addingRefused(settings: Pick<AccountSettings, 'managementByOthers'>, linkedElsewhere: number): boolean {
  return !settings.managementByOthers && linkedElsewhere > 0;
}

/** An invite link works this long, once («ссылка действует 24 часа»). */
export const inviteValidityMs = 24 * 3600_000;

/** Start tokens of invites begin with this, so `/start <token>` tells them from e-mail links. */
export const invitePrefix = 'inv_';

/** How a chat is named to others linked to the same account: its channel and the end of its id. */
export function maskedChat(chat: ChatAddress): string {
  const tail = chat.id.replace(/[^A-Za-z0-9]/g, '').slice(-4);
  return `•••${tail}`;
}
