import { fail, ok, type Result } from './result';
import { text } from './text';

/** A supplier account («лицевой счёт»): exactly 12 digits. */
export type AccountNumber = string & { readonly __brand: 'AccountNumber' };

const example = '1000 0000 0001';

export function parseAccountNumber(input: string): Result<AccountNumber> {
  const compact = input.replace(/[\s\u00a0\-–—]/g, '');
  if (compact === '') return fail(text('account-number-empty', { example }));
  if (!/^\d+$/.test(compact)) return fail(text('account-number-not-digits', { example }));
  if (compact.length !== 12) {
    return fail(text('account-number-wrong-length', { digits: compact.length, example }));
  }
  return ok(compact as AccountNumber);
}

/** For logs and e-mails: enough to recognise, not enough to reuse. */
export function maskAccountNumber(number: string): string {
  return number.length > 6 ? `${number.slice(0, 2)}${'*'.repeat(number.length - 6)}${number.slice(-4)}` : '****';
}
