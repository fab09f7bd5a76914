import type { AppealTopic } from './appeal';
import type { ChatAddress, ChatChannel } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import type { AppealDraft, AppealMessage, CompleteDraft, FiledAppeal } from './appeal';
import type { AppealFilter, AppealPage } from './appeal-search';
import type { AppealTally } from './appeal-statistics';
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
  /**
   * Adds to the thread; false when a message with the same key is there already. An operator's
   * answer marks the appeal answered (the first one's time is kept); the customer writing again
   * puts it back in the queue as a follow-up; a note changes nothing.
   */
  addMessage(number: string, message: AppealMessage & { readonly key?: string }): Promise<boolean>;
  close(number: string, at: Date): Promise<boolean>;
  /** A closed appeal back in the queue; false when it was not closed. */
  reopen(number: string): Promise<boolean>;
  /** One page of the appeals the filter names (in `appealOrder`), and how many there are in all. */
  search(filter: AppealFilter, page: AppealPage): Promise<{ readonly appeals: FiledAppeal[]; readonly total: number }>;
  count(filter: AppealFilter): Promise<number>;
  /** `login` takes the appeal unless another operator has it; the holder afterwards, or null for no such appeal. */
  take(number: string, login: string): Promise<string | null>;
  /** Lets go of it, when `login` holds it. */
  release(number: string, login: string): Promise<boolean>;
  /** The appeals filed since `since`, and those waiting since before `overdueBefore`. */
  tally(since: Date, overdueBefore: Date): Promise<AppealTally>;
  /** Appeals waiting for an answer (`waitingSince`) since before `filedBefore`, not alerted on in this wait; each is marked alerted. */
  takeOverdue(filedBefore: Date, at: Date): Promise<FiledAppeal[]>;
  saveDraft(chat: ChatAddress, draft: AppealDraft, at: Date): Promise<void>;
  draft(chat: ChatAddress): Promise<{ readonly draft: AppealDraft; readonly savedAt: string } | null>;
  dropDraft(chat: ChatAddress): Promise<void>;
}

/** An answer the installation's operators give often: the desk puts it in the answer's box, to be edited before sending. */
export interface CannedAnswer {
  readonly id: number;
  readonly title: string;
  readonly text: string;
}

/** The installation's canned answers, shared by every operator and instance. */
export interface CannedAnswers {
  /** By title. */
  list(): Promise<CannedAnswer[]>;
  /** A new one, or new words for the one of the same title. */
  save(answer: Omit<CannedAnswer, 'id'>, at: Date): Promise<void>;
  remove(id: number): Promise<void>;
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
