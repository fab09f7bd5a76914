import type { Chat } from '../chat';
import { parsePaymentAmount } from '../domain/money';
import { lastMonths } from '../domain/period';
import { billingPeriod } from '../domain/meter';
import { proposePayment } from '../domain/payment';
import type { Services } from '../services';
import { money, text } from '../text';
import { actionButton } from '../global-actions';
import { cancelButton } from './account-confirmation';
import { linkedAccounts, showMenu } from './main-menu';

/**
 * «Оплата»: the recommended amount (debt and the current month's estimate) prefilled, the
 * estimate can be left out, any amount can be typed; the customer pays on the provider's page.
 */
export async function pay(chat: Chat, services: Services): Promise<void> {
  const [account] = await linkedAccounts(chat, services);
  if (!account) return showMenu(chat, services, text('pay-not-linked'));
  const proposal = await chat.effect('payment-proposal', async () => {
    const current = billingPeriod(services.clock(), services.localizer.timeZone);
    const range = lastMonths(current, 4);
    const [info, statements] = await Promise.all([services.accounts.info(account), services.accounts.statements(account, range.from, range.to)]);
    return proposePayment(info?.balance ?? 0, statements.slice(-3).map((statement) => statement.charged));
  });
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
        : await chat.ask(text('pay-ask-amount', { example: '1 500,50' }), parsePaymentAmount, cancelButton);
  const { url } = await chat.effect('payment-start', () =>
    services.payments.start({ account, amount, includesEstimate: choice === 'recommended' && proposal.estimate > 0, chat: chat.address }),
  );
  // The link stays on the last message, with the menu beside it: Web Chat shows only the last message's buttons.
  await chat.say(text('pay-link', { amount: money(amount), account }), [{ label: text('pay-open', { amount: money(amount) }), url }, actionButton('menu')]);
}
