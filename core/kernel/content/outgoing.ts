import type { SharedFile } from './content';

export type OutgoingButton = { readonly label: string; readonly data: string } | { readonly label: string; readonly url: string };

/** A message in the customer's words, ready for a channel's renderer. */
export type OutgoingMessage = (
  | { readonly kind: 'text'; readonly text: string }
  | { readonly kind: 'facts'; readonly title: string; readonly facts: readonly (readonly [string, string])[] }
  | {
      readonly kind: 'table';
      readonly title: string;
      readonly columns: readonly string[];
      readonly rows: readonly (readonly string[])[];
      readonly note?: string;
    }
  | { readonly kind: 'file'; readonly file: SharedFile; readonly caption: string }
) & { readonly buttons: readonly OutgoingButton[] };
