import type { AppealTopic } from './appeal';
import type { ChatAddress, ChatChannel } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import type { AppealDraft, AppealMessage, AppealStatus, CompleteDraft, FiledAppeal } from './appeal';
import type { SharedFile } from '../../kernel/content/content';
import type { AttachmentMime, AttachmentRef } from '../../kernel/attachment';
import type { IncomingFile } from '../../kernel/chat';
import type { Result } from '../../kernel/result';

/** «Обращения в компанию»: appeals filed from chats, their threads, and the drafts being written. */
export interface Appeals {
  /** Files it under the next number of `year`: the supplier's year at `at` (`appealYear`). */
  file(appeal: {
    readonly draft: CompleteDraft;
    readonly chat: ChatAddress;
    readonly locale: Locale;
    readonly at: Date;
    readonly year: number;
  }): Promise<FiledAppeal>;
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

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly appeals: Appeals;
    readonly appealFiles: AppealFiles;
  }
  interface Policy {
    /** The topics an appeal may have, in the order offered. */
    readonly appealTopics: readonly AppealTopic[];
    /** Where new appeals and customers' additions are e-mailed for the operators; null: the desk and the API only. */
    readonly appealsMailbox: string | null;
  }
}
