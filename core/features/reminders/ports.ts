import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';

/** What a chat may ask to be reminded of: the readings window opening, the payment falling due. */
export const reminderKinds = ['readings', 'payment'] as const;
export type ReminderKind = (typeof reminderKinds)[number];

export function isReminderKind(value: string): value is ReminderKind {
  return (reminderKinds as readonly string[]).includes(value);
}

/** Which chats asked to be reminded of what, per account: each chat for each of its accounts. */
export interface ReminderSubscriptions {
  of(chat: ChatAddress, account: AccountNumber): Promise<readonly ReminderKind[]>;
  set(chat: ChatAddress, account: AccountNumber, kind: ReminderKind, on: boolean, at: Date): Promise<void>;
  /** The chats reminded of `kind`, each with its account, while the chat is still linked to it. */
  subscribers(kind: ReminderKind): Promise<readonly { readonly chat: ChatAddress; readonly account: AccountNumber }[]>;
}

/** The day's runs of the month's reminders that went to the end: a later run that day has nothing left to do. */
export interface ReminderRuns {
  finished(run: string): Promise<boolean>;
  finish(run: string, at: Date): Promise<void>;
}

/** The supplier's calendar, from its configuration. */
export interface ReminderSchedule {
  /** Days of the month readings are taken on (`READINGS_WINDOW`, the 15th to the 25th by default). */
  readonly readingsWindow: { readonly from: number; readonly to: number };
  /** The day of the month a bill is due (`PAYMENT_DUE_DAY`, the 10th). */
  readonly paymentDueDay: number;
}

// The ports and the policy this feature's flows are given (see `Ports`, `Policy`).
declare module '../../kernel/services' {
  interface Ports {
    readonly reminders: ReminderSubscriptions;
  }
  interface Policy {
    readonly reminders: ReminderSchedule;
  }
}
