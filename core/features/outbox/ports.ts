import type { FileStore } from '../../kernel/file-store';
import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress, ChatChannel } from '../../kernel/channel';
import type { AttachmentRef } from '../../kernel/attachment';
import type { Text } from '../../kernel/text';
import type { TaskButton } from '../../kernel/actions';
import type { Locale } from '../../kernel/locale';

export interface Mail {
  /** The address when queued; for an e-receipt, the one in force when it is sent goes instead (see `eReceiptAddress`). */
  readonly to: string;
  /** The letter goes to the e-receipt address of `receipt`'s account: if it changes before the letter leaves, the new one. */
  readonly toEReceiptAddress?: true;
  readonly subject: string;
  readonly text: string;
  /** Shown as buttons under the text («Оплатить и передать показания»). */
  readonly links?: readonly { readonly label: string; readonly url: string }[];
  /** A month's receipt to attach, issued when the mail is sent. */
  readonly receipt?: ReceiptRef;
  /** Files of an appeal to attach, read from the attachment store when the mail is sent. */
  readonly attachments?: readonly AttachmentRef[];
  /** A mail that must never go twice (a month's e-receipt): a second one with the same key is dropped. */
  readonly dedupeKey?: string;
  /** A mail to the appeals mailbox about this appeal: the operator's reply to it comes back to energobot. */
  readonly appealThread?: { readonly number: string; readonly first: boolean };
}

/** Which receipt: an account's month. */
export interface ReceiptRef {
  readonly account: AccountNumber;
  readonly period: string;
}

/** Mail is queued, not sent, inside a conversation: a slow SMTP server must not hold a chat. */
export interface MailOutbox {
  /** Queues it; false when a mail with the same `dedupeKey` was queued before. */
  enqueue(mail: Mail): Promise<boolean>;
}

/** A message the bot sends into a chat on its own. */
export interface ChatPush {
  readonly chat: ChatAddress;
  /** Stored as JSON until sent: every `TextArg` is plain data. */
  readonly message: Text;
  /** A month's receipt sent with it, issued in the chat's language when it goes out. */
  readonly receipt?: ReceiptRef;
  /** Task buttons under it (reply to an appeal, open it): plain data, stored with the push. */
  readonly buttons?: readonly TaskButton[];
  /** Files sent after it (an operator's attachments): documents in Telegram, downloads in web chat. */
  readonly files?: readonly AttachmentRef[];
  /** A push that must never go twice (a month's receipt to a chat): a second one with the same key is dropped. */
  readonly dedupeKey?: string;
  /** The broadcast it is part of (an interruption's change, a month's reminder): who was told, and how it went. */
  readonly broadcast?: string;
  /** Not sent after this (a reminder at night): taken out of the outbox unsent then, its key free again. */
  readonly notAfter?: Date;
}

/** How a broadcast went, as the desk lists it. */
export interface BroadcastTally {
  readonly broadcast: string;
  readonly queued: number;
  readonly delivered: number;
  readonly gaveUp: number;
  /** When its first push was queued. */
  readonly since: Date;
}

/** What went out in broadcasts. */
export interface Broadcasts {
  /** The chats pushes of any of these broadcasts were queued to, each once. */
  audienceOf(broadcasts: readonly string[]): Promise<readonly ChatAddress[]>;
  /** How each of these broadcasts went; one that queued nothing is not there. */
  tallies(broadcasts: readonly string[]): Promise<readonly BroadcastTally[]>;
  /** Which of these push keys are queued (or sent) already. */
  queued(dedupeKeys: readonly string[]): Promise<ReadonlySet<string>>;
}

/** Pushes wait in a persistent outbox until delivered; nothing is lost on a restart. */
export interface ChatPushes {
  /** Queues them; how many were new (those with a `dedupeKey` seen before are dropped). */
  enqueue(pushes: readonly ChatPush[]): Promise<number>;
}

/** An outbox as its delivery sees it. */
export interface DeliveryQueue<T extends { readonly id: number; readonly attempts: number }> {
  claimDue(limit: number, leaseMs: number): Promise<T[]>;
  markSent(id: number): Promise<void>;
  markFailed(id: number, error: string, retryAt: Date): Promise<void>;
  /** The item can never be delivered (the chat blocked the bot, the address does not exist): no more attempts for it, and for those that share its fate; their ids. */
  markGaveUp(id: number, error: string): Promise<readonly number[]>;
}

/** What a failed send says about the next attempt. */
export interface FailureVerdict {
  /** How long the receiving side asked us to wait (Telegram's `retry_after`). */
  readonly retryAfterMs?: number;
  /** The receiving side will never take it. */
  readonly gone?: boolean;
}

/** A queued push as its delivery takes it. */
export interface DuePush {
  readonly id: number;
  readonly attempts: number;
  readonly chat: ChatAddress;
  readonly message: Text;
  readonly receipt?: ReceiptRef;
  readonly buttons?: readonly TaskButton[];
  readonly files?: readonly AttachmentRef[];
  /** Messages of it that reached the chat in an earlier attempt: a retry sends only the rest. */
  readonly partsSent: number;
  readonly notAfter?: Date;
}

/** The pushes' outbox, worked through per channel: one platform down never holds another's pushes. */
export interface ChatPushQueues {
  forChannel(channel: ChatChannel): DeliveryQueue<DuePush>;
  /** Takes it out unsent when its time is past (a reminder at 21:00): true when it was, and must not be sent. */
  expired(push: DuePush): Promise<boolean>;
}

/** What sending a push needs of its chat: the language it chose, and where Bot Framework reaches it. */
export interface PushRecipients {
  locale(chat: ChatAddress): Promise<Locale | null>;
  /** Bot Framework's reference to the conversation the chat last spoke in, as the adapter kept it; null on Telegram or before any. */
  conversationOf(chat: ChatAddress): Promise<Record<string, unknown> | null>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly mail: MailOutbox;
    /** Messages into other chats (a revoked chat, an inviter told the invite was taken). */
    readonly pushes: ChatPushes;
    readonly files: FileStore;
  }
}
