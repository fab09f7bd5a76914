/**
 * What a flow says, before it is put into words: a message id from `locales/*.ftl` and its
 * arguments. Money and moments stay typed until the user's locale is known.
 */
export type TextArg =
  | string
  | number
  | { readonly money: number }
  | { readonly moment: string }
  /** Several texts, one per line (a summary's rows). */
  | { readonly lines: readonly Text[] };

export interface Text {
  readonly key: string;
  readonly args?: Readonly<Record<string, TextArg>>;
}

export function text<A extends Record<string, TextArg>>(key: string, args?: A): { readonly key: string; readonly args?: A } {
  return args ? { key, args } : { key };
}

export function money(kopecks: number): { money: number } {
  return { money: kopecks };
}

export function moment(at: Date): { moment: string } {
  return { moment: at.toISOString() };
}

export function lines(texts: readonly Text[]): { lines: readonly Text[] } {
  return { lines: texts };
}

/** A text as a value inside another message: a fact's value, a table's cell. */
export function words(message: Text): { lines: readonly Text[] } {
  return { lines: [message] };
}
