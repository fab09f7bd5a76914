import type { Chat } from '../../kernel/chat';
import type { AccountCard } from '../account/account';
import { linkingPolicy } from './linking-policy';
import { addingRefused } from '../accounts/account-settings';
import { chatKey } from '../../kernel/channel';
import { parsePaymentAmount } from '../../kernel/money';
import { linkFailureNotice, linkNotice } from './link-notice';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { showAccountInfo } from '../account/show-account-info';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { cancelButtons, confirmedAccount, consented, isPaused, reportFailure, reportPaused } from './account-confirmation';

/**
 * Links this chat to an account the way the web account registers one: account number, the
 * address to confirm, consent, and the amount of a recent payment as the proof of ownership.
 */
export async function linkAccount(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const linked = await services.identities.linkedAccounts(chat.address);
  if (linked.length >= linkingPolicy.maxAccountsPerIdentity) {
    return toMenu(text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  }
  if (await isPaused(chat, services, null, 'link')) return toMenu();

  const card = await confirmedAccount(chat, services, linked, 'link');
  if (!card) return toMenu();
  if (await managedElsewhere(chat, services, card.number)) return toMenu(text('link-management-off', { account: card.number }));

  const consentAt = await consented(chat, services, text('link-ask-consent'));
  if (!consentAt) return toMenu(text('link-consent-declined'));

  if (!(await provenByPayment(chat, services, card))) return toMenu();

  const linkedAt = await services.now();
  const outcome = await services.identities.link(chat.address, card.number, {
    consentAt,
    at: linkedAt,
    maxAccounts: linkingPolicy.maxAccountsPerIdentity,
    via: 'proof',
  });
  if (outcome === 'too-many-accounts') {
    return toMenu(text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  }
  if (outcome === 'linked' && card.email) {
    await services.mail.enqueue(
      linkNotice(services.localizer, chat.locale, { to: card.email, account: card.number, channel: chat.address.channel, at: linkedAt }),
    );
  }
  await chat.say(linkedSaying(outcome, card.number, linked.length > 0));
  return showAccountInfo(chat, services);
}

/** What a link says: done, or done and now the active one of several, or there already (and now active). */
export function linkedSaying(outcome: 'linked' | 'already-linked', account: AccountCard['number'], others: boolean) {
  if (outcome === 'already-linked') return text('link-already', { account });
  return others ? text('link-done-active', { account }) : text('link-done', { account });
}

/** The owner's «Управление счётом» is off and other chats hold the account: it cannot be added by proof here. */
async function managedElsewhere(chat: Chat, services: FlowServices, account: AccountCard['number']): Promise<boolean> {
  const settings = await services.settings.of(account);
  // Most owners allow it: then the account's other chats are not read at all.
  if (!settings || settings.managementByOthers) return false;
  const elsewhere = (await services.identities.chatsLinkedTo(account)).filter((other) => chatKey(other) !== chatKey(chat.address));
  return addingRefused(settings, elsewhere.length);
}

async function provenByPayment(chat: Chat, services: FlowServices, card: AccountCard): Promise<boolean> {
  const account = card.number;
  for (;;) {
    const amount = await chat.ask(text('link-ask-amount'), parsePaymentAmount, { buttons: cancelButtons, notTyped: text('amount-not-typed') });
    const checkedAt = await services.now();
    // The attempt is taken before the amount is checked: a failure is counted whatever happens next.
    const attempt = await services.attempts.claim(chat.address, account, checkedAt);
    if ('pausedUntil' in attempt) {
      await reportPaused(chat, services, attempt.pausedUntil, 'link');
      return false;
    }
    const paid = await services.accounts.hasPayment(
      account,
      amount,
      new Date(checkedAt.getTime() - linkingPolicy.paymentLookbackMs),
      new Date(checkedAt.getTime() - linkingPolicy.paymentMinAgeMs),
    );
    if (paid) {
      await services.attempts.release(attempt.claim);
      return true;
    }
    // The owner hears of strangers' attempts, once a day at most.
    if (card.email && (await services.attempts.failureNoticeDue(account, checkedAt))) {
      await services.mail.enqueue(linkFailureNotice(services.localizer, chat.locale, { to: card.email, account, at: checkedAt }));
    }
    if (await reportFailure(chat, services, account, 'link')) return false;
  }
}
