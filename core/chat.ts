import type { ChatAddress } from './domain/channel';
import type { Locale } from './domain/locale';
import type { Result } from './result';
import type { Text } from './text';

/**
 * What a customer sends: typed text, or a press of one of the bot's buttons (its data).
 * Adapters turn each platform's update into one of these.
 */
export type Input = { readonly kind: 'text'; readonly text: string } | { readonly kind: 'button'; readonly data: string };

/**
 * A button either answers the question at hand or is a global action (see `globalActions`);
 * a link button opens a page instead (a payment page), and says nothing to the bot.
 */
export type Button = { readonly label: Text; readonly data: string } | { readonly label: Text; readonly url: string };

/** A file the flow made and put in the file store: a chart, a CSV export, later receipts. */
export interface SharedFile {
  /** The store's random token for it. */
  readonly id: string;
  readonly name: string;
  readonly mime: 'image/png' | 'text/csv';
}

export interface Option<V extends string> {
  readonly value: V;
  readonly label: Text;
}

/**
 * The port every conversation flow talks through, the same on every channel. A flow is replayed
 * from its start on each customer input, so anything that talks to the world goes through
 * `effect`, whose result is recorded and reused on replay.
 */
export interface Chat {
  readonly address: ChatAddress;
  readonly locale: Locale;
  say(message: Text, buttons?: readonly Button[]): Promise<void>;
  /** Sends a stored file with a caption: a picture where people would rather look than read. */
  send(file: SharedFile, caption: Text): Promise<void>;
  /** Asks until `parse` accepts the typed answer; each refusal is explained, nothing is lost. */
  ask<T>(prompt: Text, parse: (input: string) => Result<T>, buttons?: readonly Button[]): Promise<T>;
  /** Offers buttons; a typed answer matching a button's label counts as pressing it. */
  choose<V extends string>(prompt: Text, options: readonly Option<V>[]): Promise<V>;
  effect<R>(key: string, run: () => Promise<R>): Promise<R>;
  setLocale(locale: Locale): Promise<void>;
}
