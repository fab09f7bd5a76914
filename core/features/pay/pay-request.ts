import { parseAccountNumber, type AccountNumber } from '../../kernel/account-number';
import { parsePaymentAmount, type Kopecks } from '../../kernel/money';
import type { Result } from '../../kernel/result';

/** What came with a request to pay: an account to pay (`account:<number>`, a button's), or an amount as the customer typed it (`500`). */
export interface PayRequest {
  readonly account?: AccountNumber;
  /** An amount that could not be read is kept with its reason, to be explained before the proposal. */
  readonly amount?: Result<Kopecks>;
}

const accountPrefix = 'account:';

/** The argument that pays `account` (a button's, a link's): its number filled in, its address still confirmed. */
export const payingAccount = (account: AccountNumber): string => `${accountPrefix}${account}`;

/** The task's argument; a malformed account number is as if none came, so the customer is asked for it. */
export function payRequest(argument: string | undefined): PayRequest {
  if (argument === undefined) return {};
  if (!argument.startsWith(accountPrefix)) return { amount: parsePaymentAmount(argument) };
  const account = parseAccountNumber(argument.slice(accountPrefix.length));
  return account.ok ? { account: account.value } : {};
}
