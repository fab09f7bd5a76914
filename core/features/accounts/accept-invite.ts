import type { Chat } from '../../kernel/chat';
import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import { taskButton } from '../../kernel/actions';
import { maskAddress } from '../../kernel/address';
import { linkingPolicy } from '../linking/linking-policy';
import { linkNotice } from '../linking/link-notice';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { showAccountInfo } from '../account/show-account-info';
import { consented } from '../linking/account-confirmation';
import { linkedSaying } from '../linking/link-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { maskedChat } from './account-settings';

/**
 * A household invite followed (`/start inv_<token>`): the account's masked address, the
 * invitee's consent, then the link, without the payment proof. Used once: a second chat, or the
 * same link again, is told it is used; an old one that it expired. The owner is told it was taken.
 */
const refusals = { unknown: text('invite-unknown'), expired: text('invite-expired'), used: text('invite-used'), void: text('invite-void') } as const;

export async function acceptInvite(chat: Chat, services: FlowServices, token: string): Promise<FlowEnd> {
  const invite = await services.invites.peek(token, await services.now());
  if ('refused' in invite) return toMenu(refusals[invite.refused]);
  if (!(await inviterLinked(services, invite))) return toMenu(refusals.void);
  const linked = await services.identities.linkedAccounts(chat.address);
  if (linked.includes(invite.account)) return toMenu(text('link-already', { account: invite.account }));
  if (linked.length >= linkingPolicy.maxAccountsPerIdentity) return toMenu(text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  const card = await services.accounts.card(invite.account);
  if (!card) return toMenu(refusals.unknown);
  const consentAt = await consented(chat, services, text('invite-ask-consent', { account: card.number, address: maskAddress(card.address) }));
  if (!consentAt) return toMenu(text('link-consent-declined'));
  // Asked again after the consent: the inviter may have unlinked meanwhile.
  if (!(await inviterLinked(services, invite))) return toMenu(refusals.void);
  const at = await services.now();
  const taken = await services.invites.take(token, chat.address, at);
  if ('refused' in taken) return toMenu(refusals[taken.refused]);
  const outcome = await services.identities.link(chat.address, card.number, {
    consentAt,
    at,
    maxAccounts: linkingPolicy.maxAccountsPerIdentity,
    via: 'invite',
  });
  if (outcome === 'too-many-accounts') return toMenu(text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  if (outcome === 'linked') {
    await services.pushes.enqueue([
      { chat: taken.inviter, message: text('push-invite-taken', { account: card.number, chat: maskedChat(chat.address) }), buttons: [taskButton('chats')] },
    ]);
    if (card.email)
      await services.mail.enqueue(linkNotice(services.localizer, chat.locale, { to: card.email, account: card.number, channel: chat.address.channel, at }));
  }
  await chat.say(linkedSaying(outcome, card.number, linked.length > 0));
  return showAccountInfo(chat, services);
}

/** An invite speaks for its inviter's link: once that chat is unlinked from the account, it is void. */
async function inviterLinked(services: FlowServices, invite: { readonly account: AccountNumber; readonly inviter: ChatAddress }): Promise<boolean> {
  return (await services.identities.linkedAccounts(invite.inviter)).includes(invite.account);
}
