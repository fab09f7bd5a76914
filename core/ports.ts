import type { AccountCard, AccountInfo, MonthlyStatement, PaymentRecord } from './features/account/account';
import type { AccountNumber } from './kernel/account-number';
import type { ChatAddress, ChatChannel } from './kernel/channel';
import type { AttemptStatus } from './features/linking/linking-policy';
import type { Locale } from './kernel/locale';
import type { MeterState, ReadingEntry, ReadingHistoryRow } from './features/readings/meter';
import type { Kopecks } from './kernel/money';
import type { PaymentOutcome } from './features/pay/payment';
import type { EReceiptTerm } from './features/receipts/receipt-archive';
import type { EReceiptRequest } from './features/e-receipt/e-receipt-request';
import type { AccountSettings, LinkedChat, LinkVia, ReadingsWithoutLink } from './features/accounts/account-settings';
import type { AppealDraft, AppealMessage, AppealStatus, CompleteDraft, FiledAppeal } from './features/appeals/appeal';
import type { Receipt, ZoneTariff } from './features/receipts/receipt';
import type { SharedFile } from './kernel/content/content';
import type { AttachmentMime, AttachmentRef } from './features/appeals/attachment';
import type { IncomingFile } from './kernel/chat';
import type { Result } from './kernel/result';
import type { Text } from './kernel/text';
import type { TaskButton } from './kernel/actions';

/** The supplier's accounts, as billing knows them. */
export interface Accounts {
  card(number: AccountNumber): Promise<AccountCard | null>;
  info(number: AccountNumber): Promise<AccountInfo | null>;
  hasPayment(number: AccountNumber, amount: Kopecks, paidAfter: Date, paidBefore: Date): Promise<boolean>;
  /** Monthly charges for the periods `from`..`to` (`YYYY-MM`), oldest first. */
  statements(number: AccountNumber, from: string, to: string): Promise<MonthlyStatement[]>;
  /** Payments made from `paidFrom` up to (not including) `paidBefore`, oldest first. */
  payments(number: AccountNumber, paidFrom: Date, paidBefore: Date): Promise<PaymentRecord[]>;
  /** The price of each zone in force for the period. */
  tariffs(period: string): Promise<ZoneTariff[]>;
}

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
  link(chat: ChatAddress, account: AccountNumber, link: { readonly consentAt: Date; readonly at: Date; readonly maxAccounts: number; readonly via: LinkVia }): Promise<LinkOutcome>;
  /** Makes a linked account the active one; false when the chat is not linked to it. */
  choose(chat: ChatAddress, account: AccountNumber, at: Date): Promise<boolean>;
  /** False when there was no such link (removed or revoked already). */
  unlink(chat: ChatAddress, account: AccountNumber): Promise<boolean>;
  /** Every chat linked to the account, on any channel. */
  chatsLinkedTo(account: AccountNumber): Promise<ChatAddress[]>;
  /** «Кто привязан»: the chats linked to the account, how and when, oldest first. */
  linksOf(account: AccountNumber): Promise<LinkedChat[]>;
}

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

/** Meters and their readings («Передача показаний»). */
export interface MeterReadings {
  meters(account: AccountNumber, period: string): Promise<MeterState[]>;
  /** Saves one value per zone for the period; a value already sent this period is replaced; none is saved once billing took the period. */
  submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: ChatChannel, at: Date, period: string): Promise<SubmitOutcome>;
  /** «История показаний» for the periods `from`..`to` (`YYYY-MM`, both included), oldest first. */
  history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]>;
  /** Marks the period's submitted readings as taken into billing; how many were. */
  accept(account: AccountNumber, period: string): Promise<number>;
}

export type SubmitOutcome = 'saved' | 'replaced' | 'closed';

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
}

/** Pushes wait in a persistent outbox until delivered; nothing is lost on a restart. */
export interface ChatPushes {
  /** Queues them; how many were new (those with a `dedupeKey` seen before are dropped). */
  enqueue(pushes: readonly ChatPush[]): Promise<number>;
}

/** What the file store holds: what the bot makes, and customers' uploads (any other kind only as `application/octet-stream`). */
export type FileMime = 'text/csv' | 'application/octet-stream' | AttachmentMime;

export interface StoredFile {
  readonly name: string;
  readonly mime: FileMime;
  readonly bytes: Buffer;
}

/** Files made for a chat, kept for a day behind a random token (stored hashed) that is their download link. */
export interface FileStore {
  put(file: StoredFile): Promise<string>;
  get(token: string): Promise<StoredFile | null>;
}

/** A payment the customer started in chat, waiting for the provider's word. */
export interface PaymentOrder {
  readonly account: AccountNumber;
  readonly amount: Kopecks;
  readonly includesEstimate: boolean;
  readonly chat: ChatAddress;
}

/** Card payments on the provider's page («оплата»): a link to pay, and the provider's verdict later. */
export interface Payments {
  /** Creates the order at the provider; the link the customer pays by. */
  start(order: PaymentOrder): Promise<{ readonly url: string }>;
  /** Payments the provider confirmed after `since`: paid, but not yet posted to the balance (see `pendingSince`). */
  pending(account: AccountNumber, since: Date): Promise<PendingPayment[]>;
}

export interface PendingPayment {
  readonly amount: Kopecks;
  /** ISO time of the provider's confirmation. */
  readonly paidAt: string;
}

/** The orders behind payment links; a provider's verdict completes one once. */
export interface PaymentOrders {
  create(order: PaymentOrder, provider: string): Promise<string>;
  attachProviderPayment(id: string, providerPaymentId: string): Promise<void>;
  /** Orders still pending that were created before `createdBefore`: to ask their provider about. */
  stale(provider: string, createdBefore: Date): Promise<{ readonly id: string; readonly providerPaymentId: string }[]>;
  find(id: string): Promise<(PaymentOrder & { readonly status: 'pending' | PaymentOutcome; readonly providerPaymentId: string | null }) | null>;
  /** The order, if this call moved it from pending; null for a repeat or an unknown id. */
  complete(id: string, outcome: PaymentOutcome): Promise<PaymentOrder | null>;
  succeededSince(account: AccountNumber, since: Date): Promise<PendingPayment[]>;
}

/** Receipt PDFs as issued: the first request renders and keeps one, every later one gets the same bytes. */
export interface ReceiptArchive {
  /** The receipt's PDF in the customer's language, put in the file store for this chat. */
  issue(receipt: Receipt, locale: Locale): Promise<SharedFile>;
}

/** «Электронная квитанция»: which months went out electronically, and to which address. */
export interface EReceipts {
  /** The account's e-receipt stretches, oldest first. */
  terms(account: AccountNumber): Promise<EReceiptTerm[]>;
  /** Accounts whose e-receipt covers the period, with the address it goes to. */
  subscribersOf(period: string): Promise<{ readonly account: AccountNumber; readonly email: string }[]>;
  /** Keeps the request until its link is followed; the link (a random token, stored hashed) to e-mail. */
  request(request: EReceiptRequest, expiresAt: Date): Promise<{ readonly url: string }>;
  /** The request a link's token names, taken once: later the same token is `used` (with the language it was asked in). */
  take(token: string, now: Date): Promise<{ readonly request: EReceiptRequest } | { readonly refused: 'unknown' | 'expired' | 'used'; readonly locale: Locale | null }>;
  subscribe(account: AccountNumber, email: string, fromPeriod: string): Promise<void>;
  changeEmail(account: AccountNumber, email: string): Promise<void>;
  unsubscribe(account: AccountNumber, untilPeriod: string): Promise<void>;
}

/** Chats that asked for an account's receipt every month, right in the chat. */
export interface MonthlyReceiptChats {
  isOptedIn(chat: ChatAddress, account: AccountNumber): Promise<boolean>;
  optIn(chat: ChatAddress, account: AccountNumber, at: Date): Promise<void>;
  optOut(chat: ChatAddress, account: AccountNumber): Promise<void>;
  /** Every chat that asked, with its account. */
  all(): Promise<{ readonly chat: ChatAddress; readonly account: AccountNumber }[]>;
}

/** What a signed link in an e-mail opens in the chat («Оплатить и передать показания»). */
export type LinkedTask = 'pay' | 'readings';

/** Links that open the chat on a task for an account: signed, bound to the account, expiring. */
export interface DeepLinks {
  /** The token for the links (Telegram `?start=`, web chat `?start=`): at most 64 characters of `A-Za-z0-9_-`. */
  sign(account: AccountNumber, task: LinkedTask, validUntil: Date): Promise<string>;
  /** The account and task a token opens, or null when it is forged, damaged or expired. */
  open(token: string, now: Date): Promise<{ readonly account: AccountNumber; readonly task: LinkedTask } | null>;
  /** Where a customer follows the token: the bot's chat in Telegram and the web chat page. */
  urls(token: string): Promise<{ readonly telegram: string | null; readonly webChat: string }>;
}

/** «Обращения в компанию»: appeals filed from chats, their threads, and the drafts being written. */
export interface Appeals {
  /** Files it under the next number of the year. */
  file(appeal: { readonly draft: CompleteDraft; readonly chat: ChatAddress; readonly locale: Locale; readonly at: Date }): Promise<FiledAppeal>;
  /** The chat's appeals filed since `since`, newest first. */
  ofChat(chat: ChatAddress, since: Date): Promise<FiledAppeal[]>;
  /** The appeal and its thread, oldest first; only to the chat it was filed from when `chat` is given. */
  thread(number: string, chat?: ChatAddress): Promise<{ readonly appeal: FiledAppeal; readonly messages: AppealMessage[] } | null>;
  /** Adds to the thread; false when a message with the same key is there already. An operator's answer marks the appeal answered. */
  addMessage(number: string, message: AppealMessage & { readonly key?: string }): Promise<boolean>;
  close(number: string, at: Date): Promise<boolean>;
  /** Appeals by status, oldest first: the operators' queue. */
  list(status: AppealStatus | null): Promise<FiledAppeal[]>;
  /** Appeals still waiting for an answer that were filed before `filedBefore` and never alerted on; each is marked alerted. */
  takeOverdue(filedBefore: Date, at: Date): Promise<FiledAppeal[]>;
  saveDraft(chat: ChatAddress, draft: AppealDraft, at: Date): Promise<void>;
  draft(chat: ChatAddress): Promise<{ readonly draft: AppealDraft; readonly savedAt: string } | null>;
  dropDraft(chat: ChatAddress): Promise<void>;
}

/** Files of appeals, both ways: kept for good (the thread shows them), in the database, so every instance reads them. */
export interface AttachmentStore {
  put(file: { readonly name: string; readonly mime: AttachmentMime; readonly bytes: Buffer }): Promise<AttachmentRef>;
  get(id: string): Promise<{ readonly ref: AttachmentRef; readonly bytes: Buffer } | null>;
  /** Drops files kept for a message that was not added after all (a repeated answer). */
  discard(ids: readonly string[]): Promise<void>;
}

/** Reads a customer's file from the channel it came by, at most `maxBytes`. */
export interface FileSources {
  fetch(channel: ChatChannel, file: IncomingFile, maxBytes: number): Promise<Buffer | 'too-large' | 'unavailable'>;
}

/** What a flow does with files: keep what a customer sent, show a kept one in the chat. */
export interface AppealFiles {
  /** Fetched from the channel and kept; refused with the reason (too large, not an image or a PDF, no longer there). */
  keep(chat: ChatAddress, file: IncomingFile): Promise<Result<AttachmentRef>>;
  /** A kept file in the file store, for the chat to download or see; null when it is gone. */
  share(id: string): Promise<SharedFile | null>;
}
