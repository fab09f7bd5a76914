import type { Button, Content } from './content/content';
import type { ChatAddress } from './channel';
import type { Locale } from './locale';
import type { Result } from './result';
import type { Text } from './text';

/** Kinds of message a customer can send that are not text: each gets its own clear answer. */
export const attachmentKinds = ['photo', 'document', 'sticker', 'voice', 'video', 'location', 'contact', 'other'] as const;
export type AttachmentKind = (typeof attachmentKinds)[number];

/**
 * A file the customer sent (a photo, a document, an upload), not fetched yet: the channel's own
 * reference to it, which only that channel's file source can read. It is fetched when a flow
 * keeps it, in the same turn, since some channels' links do not last.
 */
export interface IncomingFile {
  readonly ref: string;
  readonly name?: string;
  /** What the platform says it is; the content decides. */
  readonly mime?: string;
  /** What the platform says it weighs, when it says: a file far too large is refused unread. */
  readonly bytes?: number;
}

/**
 * What a customer sends: typed text, a press of one of the bot's buttons (its data), or
 * something that is not text (a photo, a sticker…). Adapters turn each platform's update into one.
 * `inReplyTo` is the text of the bot's message the customer answered with the platform's own
 * «reply» (Telegram), cut to its first characters.
 */
export type Input =
  | { readonly kind: 'text'; readonly text: string; readonly inReplyTo?: string }
  | { readonly kind: 'button'; readonly data: string }
  | { readonly kind: 'attachment'; readonly what: AttachmentKind; readonly files?: readonly IncomingFile[]; readonly inReplyTo?: string };

export interface Option<V extends string> {
  readonly value: V;
  readonly label: Text;
}

export interface AskOptions {
  readonly buttons?: readonly Button[];
  /** What to say when a picture, a file or a sticker comes instead of the typed answer. */
  readonly notTyped?: Text;
}

/**
 * The port every conversation flow talks through, the same on every channel. A flow is replayed
 * from its start on each customer input; what it says is recorded so a replay never says it
 * twice. Flows reach the world only through the `FlowServices` they are given, which records
 * every call (see `runner/recorded-services.ts`).
 */
export interface Chat {
  readonly address: ChatAddress;
  readonly locale: Locale;
  say(message: Text, buttons?: readonly Button[]): Promise<void>;
  /** Says something shaped (facts, a table, a file); the channel decides how it looks. */
  show(content: Content, buttons?: readonly Button[]): Promise<void>;
  /** Asks until `parse` accepts the typed answer; each refusal is explained, nothing is lost. */
  ask<T>(prompt: Text, parse: (input: string) => Result<T>, options?: AskOptions): Promise<T>;
  /** Offers buttons; a typed answer matching a button's label counts as pressing it. */
  choose<V extends string>(prompt: Text, options: readonly Option<V>[]): Promise<V>;
  /** Offers buttons and takes a typed answer as well («keep this e-mail», or type another). */
  askOrChoose<T, V extends string>(
    prompt: Text,
    parse: (input: string) => Result<T>,
    options: readonly Option<V>[],
    ask?: AskOptions,
  ): Promise<{ readonly chosen: V } | { readonly typed: T }>;
  /** Asks for typed text or files, whichever the customer sends (an addition to an appeal). */
  askOrAttach<T>(
    prompt: Text,
    parse: (input: string) => Result<T>,
    options?: AskOptions,
  ): Promise<{ readonly typed: T } | { readonly files: readonly IncomingFile[] }>;
  /** Offers buttons and waits for files (one message may bring several); typed text or a sticker is answered with `notFile`, and the question again. */
  receiveFiles<V extends string>(
    prompt: Text,
    options: readonly Option<V>[],
    notFile: Text,
  ): Promise<{ readonly chosen: V } | { readonly files: readonly IncomingFile[] }>;
  /**
   * Waits for whatever the customer sends next, asking nothing and never leaving for another
   * task's words (a conversation with an operator): typed words, files, or another kind of message.
   */
  listen(): Promise<{ readonly typed: string } | { readonly files: readonly IncomingFile[] } | { readonly other: AttachmentKind | 'button' }>;
  setLocale(locale: Locale): Promise<void>;
  /**
   * The task's effect is done (readings handed over, a payment link given): whatever the flow
   * asks after this is optional. Starting the task again starts it anew, another task drops it
   * rather than keeping it aside, and typed words that answer none of its buttons are read as
   * if no question waited.
   */
  settled(): void;
}
