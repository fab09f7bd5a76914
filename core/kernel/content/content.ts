import type { FileMime } from '../file-store';
import type { Text, TextArg } from '../text';

/**
 * A button either answers the question at hand or starts a task (see `core/runner/tasks.ts`); a link
 * button opens a page instead (a payment page), and says nothing to the bot.
 */
export type Button = { readonly label: Text; readonly data: string } | { readonly label: Text; readonly url: string };

/** A file the flow made and put in the file store: a chart, a CSV export, a receipt. */
export interface SharedFile {
  /** The store's random token for it. */
  readonly id: string;
  readonly name: string;
  readonly mime: FileMime;
  /** SHA-256 of the bytes, for a document a platform keeps (Telegram sends it again by its id). */
  readonly sha256?: string;
}

/** One line of facts: a label and its value (a money amount, a moment, a word or a text). */
export interface Fact {
  readonly label: Text;
  readonly value: TextArg;
}

/**
 * What a flow says, by its shape, never by a channel's format: each channel has one renderer
 * that turns these into its own messages (Telegram HTML, Bot Framework cards).
 */
export type Content =
  | { readonly kind: 'text'; readonly text: Text }
  | { readonly kind: 'facts'; readonly title: Text; readonly facts: readonly Fact[] }
  | {
      readonly kind: 'table';
      readonly title: Text;
      readonly columns: readonly Text[];
      readonly rows: readonly (readonly TextArg[])[];
      /** A line under the table (a legend). */
      readonly note?: Text;
    }
  | { readonly kind: 'file'; readonly file: SharedFile; readonly caption: Text };

/** One message of a flow, before it is put into words. */
export interface Said {
  readonly content: Content;
  readonly buttons: readonly Button[];
}
