import type { Chat } from '../../chat';
import { taskButton } from '../../actions';
import type { FlowServices } from '../../services';
import { text } from '../../text';
import { pay } from '../pay/pay';
import { submitReadings } from '../readings/submit-readings';
import { activeAccount, showMenu } from './main-menu';

/**
 * A link from the e-receipt letter («Оплатить», «Передать показания») opens its task for the
 * account it was made for, if that is the account this chat works with; otherwise it says what to do.
 */
export async function openLink(chat: Chat, services: FlowServices, token: string): Promise<void> {
  const opened = await services.links.open(token, await services.now());
  if (!opened) return showMenu(chat, services, text('link-token-invalid'));
  const active = await activeAccount(chat, services);
  if (active !== opened.account) {
    const linked = (await services.identities.linkedAccounts(chat.address)).includes(opened.account);
    return chat.say(linked ? text('link-token-other-account', { account: opened.account, active: active ?? '' }) : text('link-token-not-linked', { account: opened.account }), [
      ...(linked ? [] : [taskButton('link')]),
      taskButton('readings'),
      taskButton('menu'),
    ]);
  }
  return opened.task === 'pay' ? pay(chat, services) : submitReadings(chat, services);
}
