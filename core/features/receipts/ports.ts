import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import type { Receipt } from './receipt';
import type { SharedFile } from '../../kernel/content/content';

/** Receipt PDFs as issued: the first request renders and keeps one, every later one gets the same bytes. */
export interface ReceiptArchive {
  /** The receipt's PDF in the customer's language, put in the file store for this chat. */
  issue(receipt: Receipt, locale: Locale): Promise<SharedFile>;
}

/** Chats that asked for an account's receipt every month, right in the chat. */
export interface MonthlyReceiptChats {
  isOptedIn(chat: ChatAddress, account: AccountNumber): Promise<boolean>;
  optIn(chat: ChatAddress, account: AccountNumber, at: Date): Promise<void>;
  optOut(chat: ChatAddress, account: AccountNumber): Promise<void>;
  /** Every chat that asked, with its account. */
  all(): Promise<{ readonly chat: ChatAddress; readonly account: AccountNumber }[]>;
}

/**
 * Receipt PDFs a platform holds already, by their SHA-256: Telegram's `file_id` of each one
 * uploaded, so that the same receipt is sent again by it rather than uploaded again.
 */
export interface IssuedReceiptFileIds {
  telegramFileId(sha256: string): Promise<string | null>;
  rememberTelegramFile(sha256: string, fileId: string): Promise<void>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly receipts: ReceiptArchive;
    readonly monthlyReceipts: MonthlyReceiptChats;
  }
}
