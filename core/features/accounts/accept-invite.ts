import type { Chat } from '../../kernel/chat';
import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import { taskButton } from '../../kernel/actions';
import { maskAddress } from '../../kernel/address';
import { linkingPolicy } from '../linking/linking-policy';
import { linkNotice } from '../linking/link-notice';
import type { FlowServices } from '../../runner/services';
import { text } from '../../kernel/text';
import { showAccountInfo } from '../account/show-account-info';
import { consented } from '../linking/account-confirmation';
import { linkedSaying } from '../linking/link-account';
import { showMenu } from '../../runner/main-menu';
import { maskedChat } from './account-settings';

/**
 * A household invite followed (`/start inv_<token>`): the account's masked address, the
 * invitee's consent, then the link, without the payment proof. Used once: a second chat, or the
 * same link again, is told it is used; an old one that it expired. The owner is told it was taken.
 */
const refusals = { unknown: text('invite-unknown'), expired: text('invite-expired'), used: text('invite-used'), void: text('invite-void') } as const;

export async function acceptInvite(chat: Chat, services: FlowServices, token: string): Promise<void> {
  const invite = await services.invites.peek(token, await services.now());
  if ('refused' in invite) return showMenu(chat, services, refusals[invite.refused]);
  if (!(await inviterLinked(services, invite))) return showMenu(chat, services, refusals.void);
  const linked = await services.identities.linkedAccounts(chat.address);
  if (linked.includes(invite.account)) return showMenu(chat, services, text('link-already', { account: invite.account }));
  if (linked.length >= linkingPolicy.maxAccountsPerIdentity) return showMenu(chat, services, text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  const card = await services.accounts.card(invite.account);
  if (!card) return showMenu(chat, services, refusals.unknown);
  const consentAt = await consented(chat, services, text('invite-ask-consent', { account: card.number, address: maskAddress(card.address) }));
  if (!consentAt) return showMenu(chat, services, text('link-consent-declined'));
  // Asked again after the consent: the inviter may have unlinked meanwhile.
  if (!(await inviterLinked(services, invite))) return showMenu(chat, services, refusals.void);
  const at = await services.now();
  const taken = await services.invites.take(token, chat.address, at);
  if ('refused' in taken) return showMenu(chat, services, refusals[taken.refused]);
  const outcome = await services.identities.link(chat.address, card.number, { consentAt, at, maxAccounts: linkingPolicy.maxAccountsPerIdentity, via: 'invite' });
  if (outcome === 'too-many-accounts') return showMenu(chat, services, text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  if (outcome === 'linked') {
    await services.pushes.enqueue([{ chat: taken.inviter, message: text('push-invite-taken', { account: card.number, chat: maskedChat(chat.address) }), buttons: [taskButton('chats')] }]);
    if (card.email) await services.mail.enqueue(linkNotice(services.localizer, chat.locale, { to: card.email, account: card.number, channel: chat.address.channel, at }));
  }
  await chat.say(linkedSaying(outcome, card.number, linked.length > 0));
  await showAccountInfo(chat, services);
}

/** An invite speaks for its inviter's link: once that chat is unlinked from the account, it is void. */
async function inviterLinked(services: FlowServices, invite: { readonly account: AccountNumber; readonly inviter: ChatAddress }): Promise<boolean> {
  return (await services.identities.linkedAccounts(invite.inviter)).includes(invite.account);
}
