import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { inviteValidityMs, invitePrefix, maskedChat, mayManage, type LinkedChat } from './account-settings';
import type { AccountNumber } from '../../kernel/account-number';
import { chatKey } from '../../kernel/channel';
import { maskEmail } from '../../kernel/address';
import type { FlowServices } from '../../kernel/services';
import { lines, moment, text, words } from '../../kernel/text';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { chatRow } from './account-words';
import { channelName } from '../readings/meter-words';

/**
 * «Кто привязан»: the chats linked to the active account, this one marked. The owner's chat (linked
 * by the payment proof) can revoke any other, and invite someone of the household; an invited
 * chat sees the list only.
 */
export async function linkedChats(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const account = await activeAccount(chat, services);
  if (!account) return toMenu(text('unlink-nothing'));
  const links = await services.identities.linksOf(account);
  const here = chatKey(chat.address);
  const list = text('chats-list', { account, rows: lines(links.map((link) => chatRow(link, chatKey(link.chat) === here))) });
  const own = links.find((link) => chatKey(link.chat) === here);
  if (!mayManage(own?.via ?? null)) {
    await chat.say(list);
    return chat.say(text('chats-read-only'), [taskButton('settings'), taskButton('menu')]);
  }
  const others = links.filter((link) => chatKey(link.chat) !== here);
  const choice = await chat.choose(list, [
    ...others.map((link, index) => ({
      value: String(index),
      label: text('chats-revoke', { channel: words(channelName(link.chat.channel)), chat: maskedChat(link.chat) }),
    })),
    { value: 'invite', label: text('chats-invite') },
    { value: 'menu', label: text('action-menu') },
  ]);
  if (choice === 'menu') return toMenu();
  if (choice === 'invite') return invite(chat, services, account);
  const revoked = others[Number(choice)];
  if (revoked) return revoke(chat, services, account, revoked);
}

async function revoke(chat: Chat, services: FlowServices, account: AccountNumber, link: LinkedChat): Promise<FlowEnd> {
  const named = { account, channel: words(channelName(link.chat.channel)), chat: maskedChat(link.chat) };
  const answer = await chat.choose(text('chats-revoke-confirm', named), [
    { value: 'yes', label: text('chats-revoke-yes') },
    { value: 'no', label: text('answer-no') },
  ]);
  if (answer === 'no') return toMenu(text('chats-revoke-kept'));
  // Gone already (revoked from another of the owner's chats, or removed there): said so, nothing sent twice.
  if (!(await services.identities.unlink(link.chat, account))) return toMenu(text('chats-revoke-gone', named));
  const at = await services.now();
  await services.pushes.enqueue([{ chat: link.chat, message: text('push-link-revoked', { account }) }]);
  const email = (await services.settings.of(account))?.email;
  if (email) {
    await services.mail.enqueue({
      to: email,
      subject: services.localizer.format(chat.locale, text('mail-link-revoked-subject', { account })),
      text: services.localizer.format(chat.locale, text('mail-link-revoked-body', { ...named, at: moment(at) })),
    });
  }
  return toMenu(text('chats-revoked', { ...named, mailed: email ? 'yes' : 'no', email: email ? maskEmail(email) : '' }));
}

/** A link for one other chat to take within a day, without the payment proof. */
async function invite(chat: Chat, services: FlowServices, account: AccountNumber): Promise<void> {
  const at = await services.now();
  const until = new Date(at.getTime() + inviteValidityMs);
  const token = await services.invites.create(account, chat.address, at, until);
  const urls = await services.links.urls(`${invitePrefix}${token}`);
  await chat.say(
    text('chats-invite-made', {
      account,
      until: moment(until),
      links: lines([
        ...(urls.telegram ? [text('chats-invite-telegram', { url: urls.telegram })] : []),
        ...(urls.max ? [text('chats-invite-max', { url: urls.max })] : []),
        text('chats-invite-web-chat', { url: urls.webChat }),
      ]),
    }),
    [taskButton('chats', { label: text('chats-back') }), taskButton('menu')],
  );
}
