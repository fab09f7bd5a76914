import type { Chat } from '../../chat';
import { parsePaymentAmount } from '../../domain/money';
import { lastMonths } from '../../domain/period';
import { billingPeriod } from '../../domain/meter';
import { proposePayment } from '../../domain/payment';
import type { FlowServices } from '../../services';
import { money, text } from '../../text';
import { cancelButtons } from '../link-account/account-confirmation';
import { activeAccount, showMenu } from '../menu/main-menu';

/**
 * «Оплата»: the recommended amount (debt and the current month's estimate) prefilled, the
 * estimate can be left out, any amount can be typed; the customer pays on the provider's page.
 */
export async function pay(chat: Chat, services: FlowServices): Promise<void> {
  const account = await activeAccount(chat, services);
  if (!account) return showMenu(chat, services, text('pay-not-linked'));
  const range = lastMonths(billingPeriod(await services.now(), services.localizer.timeZone), 4);
  const [info, statements] = await Promise.all([services.accounts.info(account), services.accounts.statements(account, range.from, range.to)]);
  const proposal = proposePayment(info?.balance ?? 0, statements.slice(-3).map((statement) => statement.charged));
  const choice = await chat.choose(
    text('pay-proposal', { debt: money(proposal.debt), estimate: money(proposal.estimate), recommended: money(proposal.recommended) }),
    [
      ...(proposal.recommended > 0 ? [{ value: 'recommended' as const, label: text('pay-recommended', { amount: money(proposal.recommended) }) }] : []),
      ...(proposal.debt > 0 && proposal.estimate > 0 ? [{ value: 'debt' as const, label: text('pay-debt-only', { amount: money(proposal.debt) }) }] : []),
      { value: 'other' as const, label: text('pay-other') },
    ],
  );
  const amount =
    choice === 'recommended'
      ? proposal.recommended
      : choice === 'debt'
        ? proposal.debt
        : await chat.ask(text('pay-ask-amount', { example: '1 500,50' }), parsePaymentAmount, { buttons: cancelButtons, notTyped: text('amount-not-typed') });
  const { url } = await services.payments.start({ account, amount, includesEstimate: choice === 'recommended' && proposal.estimate > 0, chat: chat.address });
  await chat.say(text('pay-link', { amount: money(amount), account }), [{ label: text('pay-open', { amount: money(amount) }), url }]);
}
