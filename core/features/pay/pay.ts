import type { Chat } from '../../kernel/chat';
import { parsePaymentAmount, type Kopecks } from '../../kernel/money';
import { lastMonths } from '../../kernel/period';
import { billingPeriod } from '../readings/meter';
import { pendingSince, proposePayment } from './payment';
import type { FlowServices } from '../../kernel/services';
import { moment, money, text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/**
 * «Оплата»: the recommended amount (debt and the current month's estimate) prefilled, the
 * estimate can be left out, any amount can be typed; the customer pays on the provider's page.
 */
export async function pay(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const account = await activeAccount(chat, services);
  if (!account) return toMenu(text('pay-not-linked'));
  const now = await services.now();
  const range = lastMonths(billingPeriod(now, services.localizer.timeZone), 4);
  const [info, statements, onTheirWay] = await Promise.all([
    services.accounts.info(account),
    services.accounts.statements(account, range.from, range.to),
    services.payments.pending(account, pendingSince(now)),
  ]);
  if (info?.asOf) await chat.say(text('billing-as-of', { at: moment(new Date(info.asOf)) }));
  for (const payment of onTheirWay) await chat.say(text('pay-on-its-way', { amount: money(payment.amount), at: moment(new Date(payment.paidAt)) }));
  const proposal = proposePayment(
    info?.balance ?? 0,
    statements.slice(-3).map((statement) => statement.charged),
    onTheirWay.map((payment) => payment.amount),
  );
  const choice = await chat.choose(
    text('pay-proposal', { account, debt: money(proposal.debt), estimate: money(proposal.estimate), recommended: money(proposal.recommended) }),
    [
      ...(proposal.recommended > 0 ? [{ value: 'recommended' as const, label: text('pay-recommended', { amount: money(proposal.recommended) }) }] : []),
      ...(proposal.debt > 0 && proposal.estimate > 0 ? [{ value: 'debt' as const, label: text('pay-debt-only', { amount: money(proposal.debt) }) }] : []),
      { value: 'other' as const, label: text('pay-other') },
    ],
  );
  const amount =
    choice === 'recommended' ? proposal.recommended : choice === 'debt' ? proposal.debt : await typedAmount(chat, services.policy.paymentConfirmAbove);
  const { url } = await services.payments.start({ account, amount, includesEstimate: choice === 'recommended' && proposal.estimate > 0, chat: chat.address });
  await chat.say(text('pay-link', { amount: money(amount), account }), [{ label: text('pay-open', { amount: money(amount) }), url }]);
}

/** Any amount the customer types; one above the usual bills is confirmed first, so a slip of a digit costs nothing. */
async function typedAmount(chat: Chat, confirmAbove: Kopecks): Promise<Kopecks> {
  for (;;) {
    const amount = await chat.ask(text('pay-ask-amount', { example: '1 500,50' }), parsePaymentAmount, {
      buttons: cancelButtons,
      notTyped: text('amount-not-typed'),
    });
    if (amount <= confirmAbove) return amount;
    const answer = await chat.choose(text('pay-confirm-large', { amount: money(amount) }), [
      { value: 'pay', label: text('pay-confirm-yes', { amount: money(amount) }) },
      { value: 'other', label: text('pay-other') },
    ]);
    if (answer === 'pay') return amount;
  }
}
