import type { Chat } from '../../kernel/chat';
import type { FlowServices } from '../../kernel/services';
import type { FlowEnd } from '../../kernel/flow-end';
import { payAccount } from './pay-account';
import { payRequest } from './pay-request';
import { payWithoutLinking } from './pay-without-linking';

/**
 * «Оплата»: the chat's active account, or the linked one a button names; any other account
 * (or any at all, for a chat with none linked) is paid without linking, after its number, its
 * address and consent. `argument`: an amount typed with the request, or `account:<number>`.
 */
export async function pay(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  const request = payRequest(argument);
  const linked = await services.identities.linkedAccounts(chat.address);
  const account = request.account ?? linked[0];
  if (account !== undefined && linked.includes(account)) return payAccount(chat, services, account, request.amount);
  return payWithoutLinking(chat, services, request);
}
