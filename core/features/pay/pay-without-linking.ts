import type { Chat } from '../../kernel/chat';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { confirmedAccount, consented, isPaused } from '../linking/account-confirmation';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { payAccount } from './pay-account';
import type { PayRequest } from './pay-request';

/**
 * «Онлайн-оплата без авторизации», as on the supplier's site: the account number, the address it
 * belongs to, consent, then the balance and the amount. The number is looked up under linking's
 * budget and a wrong one counts against linking too, so the balance shown here is no easier to
 * reach than by linking; it is shown only once the address was confirmed.
 */
export async function payWithoutLinking(chat: Chat, services: FlowServices, request: PayRequest): Promise<FlowEnd> {
  await chat.say(request.account ? text('pay-without-link-account', { account: request.account }) : text('pay-without-link'));
  if (await isPaused(chat, services, null, 'pay')) return toMenu();
  const card = await confirmedAccount(chat, services, [], 'pay', request.account);
  if (!card) return toMenu();
  if (!(await consented(chat, services, text('pay-ask-consent')))) return toMenu(text('pay-consent-declined'));
  return payAccount(chat, services, card.number, request.amount);
}
