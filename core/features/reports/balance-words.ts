import { money, text, words, type TextArg } from '../../kernel/text';

/** A balance as people say it: «долг 1 200,00 ₽», «переплата 35,10 ₽». */
export const balanceWords = (kopecks: number): TextArg =>
  words(text('balance-value', { amount: money(Math.abs(kopecks)), state: kopecks < 0 ? 'debt' : kopecks > 0 ? 'credit' : 'zero' }));
