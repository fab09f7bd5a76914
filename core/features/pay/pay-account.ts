import type { AccountNumber } from '../../kernel/account-number';
import type { Chat } from '../../kernel/chat';
import { parsePaymentAmount, type Kopecks } from '../../kernel/money';
import { lastMonths } from '../../kernel/period';
import type { Result } from '../../kernel/result';
import { billingPeriod } from '../readings/meter';
import { pendingSince, proposePayment, type PaymentProposal } from './payment';
import type { FlowServices } from '../../kernel/services';
import { moment, money, text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';
import type { FlowEnd } from '../../kernel/flow-end';

/** The amount to pay, and whether it is the recommended one with the current month's estimate in it. */
interface ChosenAmount {
  readonly amount: Kopecks;
  readonly includesEstimate: boolean;
}

/**
 * Pays an account the chat may pay (its linked one, or one whose address it confirmed): the
 * recommended amount (debt and the current month's estimate) offered, the estimate can be left
 * out, any amount can be typed; the customer pays on the provider's page. An amount typed with
 * the request («оплатить 500») is offered first, still confirmed.
 */
export async function payAccount(chat: Chat, services: FlowServices, account: AccountNumber, typed?: Result<Kopecks>): Promise<FlowEnd> {
  const confirmed = typed?.ok ? await typedConfirmed(chat, services, account, typed.value) : null;
  const chosen = confirmed ?? (await proposedAmount(chat, services, account, typed));
  const { url } = await services.payments.start({ account, ...chosen, chat: chat.address });
  const amount = money(chosen.amount);
  await chat.say(text('pay-link', { amount, account }), [{ label: text('pay-open', { amount }), url }]);
  // The link is the task's effect: what the chat does next is its own.
  chat.settled();
}

/** The amount typed with the request, confirmed with a button; null when the customer wants another. */
async function typedConfirmed(chat: Chat, services: FlowServices, account: AccountNumber, amount: Kopecks): Promise<ChosenAmount | null> {
  const large = amount > services.policy.paymentConfirmAbove;
  const answer = await chat.choose(
    large ? text('pay-confirm-large', { amount: money(amount) }) : text('pay-confirm-typed', { amount: money(amount), account }),
    [
      { value: 'pay', label: text('pay-confirm-yes', { amount: money(amount) }) },
      { value: 'other', label: text('pay-other') },
    ],
  );
  return answer === 'pay' ? { amount, includesEstimate: false } : null;
}

/**
 * The proposal from the balance, then the amount chosen from it, or typed there or after «Другая
 * сумма». A typed amount that could not be read is explained first.
 */
async function proposedAmount(chat: Chat, services: FlowServices, account: AccountNumber, typed: Result<Kopecks> | undefined): Promise<ChosenAmount> {
  if (typed && !typed.ok) await chat.say(typed.error);
  const proposal = await currentProposal(chat, services, account);
  // The proposal says an amount of one's own may be entered: one typed here is taken as after «Другая сумма».
  const answer = await chat.askOrChoose(
    text('pay-proposal', { account, debt: money(proposal.debt), estimate: money(proposal.estimate), recommended: money(proposal.recommended) }),
    parsePaymentAmount,
    [
      ...(proposal.recommended > 0 ? [{ value: 'recommended' as const, label: text('pay-recommended', { amount: money(proposal.recommended) }) }] : []),
      ...(proposal.debt > 0 && proposal.estimate > 0 ? [{ value: 'debt' as const, label: text('pay-debt-only', { amount: money(proposal.debt) }) }] : []),
      { value: 'other' as const, label: text('pay-other') },
    ],
    { notTyped: text('amount-not-typed') },
  );
  const chosen = 'chosen' in answer ? answer.chosen : null;
  if (chosen === 'recommended') return { amount: proposal.recommended, includesEstimate: proposal.estimate > 0 };
  if (chosen === 'debt') return { amount: proposal.debt, includesEstimate: false };
  return { amount: await typedAmount(chat, services.policy.paymentConfirmAbove, 'typed' in answer ? answer.typed : undefined), includesEstimate: false };
}

/** The balance as billing has it, with the payments on their way counted as paid (each one named). */
async function currentProposal(chat: Chat, services: FlowServices, account: AccountNumber): Promise<PaymentProposal> {
  const now = await services.now();
  const range = lastMonths(billingPeriod(now, services.localizer.timeZone), 4);
  const [info, statements, onTheirWay] = await Promise.all([
    services.accounts.info(account),
    services.accounts.statements(account, range.from, range.to),
    services.payments.pending(account, pendingSince(now)),
  ]);
  if (info?.asOf) await chat.say(text('billing-as-of', { at: moment(new Date(info.asOf)) }));
  for (const payment of onTheirWay) await chat.say(text('pay-on-its-way', { amount: money(payment.amount), at: moment(new Date(payment.paidAt)) }));
  return proposePayment(
    info?.balance ?? 0,
    statements.slice(-3).map((statement) => statement.charged),
    onTheirWay.map((payment) => payment.amount),
  );
}

/**
 * Any amount the customer types (`typed`: one typed already); one above the usual bills is
 * confirmed first, so a slip of a digit costs nothing.
 */
async function typedAmount(chat: Chat, confirmAbove: Kopecks, typed?: Kopecks): Promise<Kopecks> {
  let first = typed;
  for (;;) {
    const amount =
      first ??
      (await chat.ask(text('pay-ask-amount', { example: '1 500,50' }), parsePaymentAmount, {
        buttons: cancelButtons,
        notTyped: text('amount-not-typed'),
      }));
    first = undefined;
    if (amount <= confirmAbove) return amount;
    const answer = await chat.choose(text('pay-confirm-large', { amount: money(amount) }), [
      { value: 'pay', label: text('pay-confirm-yes', { amount: money(amount) }) },
      { value: 'other', label: text('pay-other') },
    ]);
    if (answer === 'pay') return amount;
  }
}
