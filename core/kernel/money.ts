import { fail, ok, type Result } from './result';
import { text } from './text';
import type { Locale } from './locale';

/** Money is whole kopecks everywhere; roubles exist only in what a person reads or types. */
export type Kopecks = number & { readonly __brand: 'Kopecks' };

export const kopecks = (value: number): Kopecks => value as Kopecks;

/** Far above any household's payment: a typo, not an amount. */
/** No electricity bill of a household comes near a million roubles: a larger amount is a typo. */
const largestAmount = kopecks(1_000_000_00);
const example = '1 543,20';

/** Reads an amount as people type it: `1543.20`, `1 543,20`, `1543,2 ₽`, `1543 руб.` */
export function parsePaymentAmount(input: string): Result<Kopecks> {
  const cleaned = input
    .trim()
    .toLowerCase()
    .replace(/(₽|руб(лей|ля|ль)?\.?|р\.|р|rub\.?|rur)$/u, '')
    .replace(/[\s\u00a0\u202f']/g, '');
  if (cleaned === '') return fail(text('amount-empty', { example }));
  if (cleaned.startsWith('-')) return fail(text('amount-not-positive', { example }));
  const match = /^(\d+)(?:[.,](\d*))?$/.exec(cleaned);
  if (!match) return fail(text('amount-not-a-number', { example }));
  const [, roubles = '', fraction = ''] = match;
  if (fraction.length > 2) return fail(text('amount-too-precise', { example }));
  const value = Number(roubles) * 100 + Number(fraction.padEnd(2, '0'));
  if (value === 0) return fail(text('amount-not-positive', { example }));
  if (value > largestAmount) return fail(text('amount-too-large', { example }));
  return ok(kopecks(value));
}

const formats = new Map<Locale, Intl.NumberFormat>();

export function formatMoney(value: number, locale: Locale): string {
  let format = formats.get(locale);
  if (!format) {
    format = new Intl.NumberFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
      style: 'currency',
      currency: 'RUB',
      currencyDisplay: 'narrowSymbol',
      minimumFractionDigits: 2,
    });
    formats.set(locale, format);
  }
  return format.format(value / 100);
}

/** For spreadsheets: roubles with two decimals and the locale's decimal mark, no grouping or sign of currency. */
export function plainAmount(value: number, locale: Locale): string {
  const fixed = (value / 100).toFixed(2);
  return locale === 'ru' ? fixed.replace('.', ',') : fixed;
}
