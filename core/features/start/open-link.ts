import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { pay } from '../pay/pay';
import { payingAccount } from '../pay/pay-request';
import { submitReadings } from '../readings/submit-readings';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { invitePrefix } from '../accounts/account-settings';
import { acceptInvite } from '../accounts/accept-invite';

/**
 * A link from the e-receipt letter («Оплатить», «Передать показания») opens its task for the
 * account it was made for, switching to it when it is another of the chat's accounts; a chat not
 * linked to it pays it without linking, or is told how to send its readings. A household invite's link (`inv_…`) is accepted here too.
 */
export async function openLink(chat: Chat, services: FlowServices, token: string): Promise<FlowEnd> {
  if (token.startsWith(invitePrefix)) return acceptInvite(chat, services, token.slice(invitePrefix.length));
  const opened = await services.links.open(token, await services.now());
  if (!opened) return toMenu(text('link-token-invalid'));
  const active = await activeAccount(chat, services);
  if (active !== opened.account) {
    // Another of the chat's accounts: it becomes the active one, and the chat is told.
    if (!(await services.identities.choose(chat.address, opened.account, await services.now()))) {
      // Paying needs no link: the letter's account is paid once its address is confirmed.
      if (opened.task === 'pay') return pay(chat, services, payingAccount(opened.account));
      return chat.say(text('link-token-not-linked', { account: opened.account }), [taskButton('link'), taskButton('readings'), taskButton('menu')]);
    }
    await chat.say(text('accounts-switched', { account: opened.account }));
  }
  return opened.task === 'pay' ? pay(chat, services) : submitReadings(chat, services);
}
