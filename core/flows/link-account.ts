import type { Chat } from '../chat';
import type { AccountCard } from '../domain/account';
import { parseAccountNumber, type AccountNumber } from '../domain/account-number';
import { maskAddress } from '../domain/address';
import { linkingPolicy } from '../domain/linking-policy';
import { parsePaymentAmount } from '../domain/money';
import { actionButton } from '../global-actions';
import { linkNotice } from '../notices';
import type { Services } from '../services';
import { moment, text } from '../text';
import { showAccountInfo } from './account-info';
import { linkedAccounts, showMenu } from './main-menu';

const cancelButton = [actionButton('cancel')];

/**
 * Links this chat to an account the way the web account registers one: account number, the
 * address to confirm, consent, and the amount of a recent payment as the proof of ownership.
 */
export async function linkAccount(chat: Chat, services: Services): Promise<void> {
  const linked = await linkedAccounts(chat, services);
  if (linked.length >= linkingPolicy.maxAccountsPerIdentity) {
    return showMenu(chat, services, text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  }
  if (await isPaused(chat, services, null)) return showMenu(chat, services);

  const card = await confirmedAccount(chat, services, linked);
  if (!card) return showMenu(chat, services);

  const consent = await chat.choose(text('link-ask-consent'), [
    { value: 'agree', label: text('link-consent-agree') },
    { value: 'decline', label: text('link-consent-decline') },
  ]);
  if (consent === 'decline') return showMenu(chat, services, text('link-consent-declined'));
  const consentAt = await now(chat, services, 'consent-time');

  if (!(await provenByPayment(chat, services, card.number))) return showMenu(chat, services);

  const linkedAt = await now(chat, services, 'link-time');
  const outcome = await chat.effect('link', () => services.identities.link(chat.address, card.number, consentAt, linkedAt));
  if (outcome === 'too-many-accounts') {
    return showMenu(chat, services, text('link-too-many', { max: linkingPolicy.maxAccountsPerIdentity }));
  }
  if (outcome === 'linked' && card.email) {
    const mail = linkNotice(services.localizer, chat.locale, { to: card.email, account: card.number, channel: chat.address.channel, at: linkedAt });
    await chat.effect('link-notice', () => services.mail.enqueue(mail));
  }
  await chat.say(outcome === 'linked' ? text('link-done', { account: card.number }) : text('link-already', { account: card.number }));
  await showAccountInfo(chat, services);
}

/** Asks for the account number until the customer confirms the address it belongs to. */
async function confirmedAccount(chat: Chat, services: Services, linked: readonly AccountNumber[]): Promise<AccountCard | null> {
  for (;;) {
    const number = await chat.ask(text('link-ask-number'), parseAccountNumber, cancelButton);
    if (linked.includes(number)) {
      await chat.say(text('link-already', { account: number }));
      continue;
    }
    if (await isPaused(chat, services, number)) return null;
    const card = await chat.effect('account-card', () => services.accounts.card(number));
    if (!card) {
      if (await failed(chat, services, null)) return null;
      continue;
    }
    const answer = await chat.choose(text('link-confirm-address', { address: maskAddress(card.address) }), [
      { value: 'yes', label: text('answer-yes') },
      { value: 'no', label: text('answer-no') },
    ]);
    if (answer === 'yes') return card;
    await chat.say(text('link-address-rejected'));
  }
}

async function provenByPayment(chat: Chat, services: Services, account: AccountNumber): Promise<boolean> {
  for (;;) {
    const amount = await chat.ask(text('link-ask-amount'), parsePaymentAmount, cancelButton);
    if (await isPaused(chat, services, account)) return false;
    const checkedAt = (await now(chat, services, 'payment-check-time')).getTime();
    const paid = await chat.effect('payment-check', () =>
      services.accounts.hasPayment(
        account,
        amount,
        new Date(checkedAt - linkingPolicy.paymentLookbackMs),
        new Date(checkedAt - linkingPolicy.paymentMinAgeMs),
      ),
    );
    if (paid) return true;
    if (await failed(chat, services, account)) return false;
  }
}

/**
 * Records a failed proof. An unknown account and a wrong amount get the same answer, so the
 * answer does not tell which part was wrong. True when linking is now paused.
 */
async function failed(chat: Chat, services: Services, account: AccountNumber | null): Promise<boolean> {
  const at = await now(chat, services, 'failure-time');
  await chat.effect('record-failure', () => services.attempts.recordFailure(chat.address, account, at));
  const left = await remainingAttempts(chat, services, account);
  if (left.pausedUntil) {
    await chat.say(text('link-paused', { until: moment(new Date(left.pausedUntil)) }));
    return true;
  }
  await chat.say(text('link-not-matched', { remaining: left.remaining }));
  return false;
}

async function isPaused(chat: Chat, services: Services, account: AccountNumber | null): Promise<boolean> {
  const { pausedUntil } = await remainingAttempts(chat, services, account);
  if (pausedUntil) await chat.say(text('link-paused', { until: moment(new Date(pausedUntil)) }));
  return pausedUntil !== null;
}

/** Effects are stored as JSON between messages, so times travel as ISO strings. */
async function remainingAttempts(chat: Chat, services: Services, account: AccountNumber | null) {
  const at = await now(chat, services, 'attempts-time');
  return chat.effect('attempts', async () => {
    const status = await services.attempts.status(chat.address, account, at);
    return { remaining: status.remaining, pausedUntil: status.pausedUntil?.toISOString() ?? null };
  });
}

async function now(chat: Chat, services: Services, key: string): Promise<Date> {
  return new Date(await chat.effect(key, async () => services.clock().toISOString()));
}
