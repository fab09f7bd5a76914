import type { Chat } from '../chat';
import type { AccountCard } from '../domain/account';
import { parseAccountNumber, type AccountNumber } from '../domain/account-number';
import { maskAddress } from '../domain/address';
import { actionButton } from '../global-actions';
import type { Services } from '../services';
import { moment, text, type Text } from '../text';

export const cancelButton = [actionButton('cancel')];

/** Asks for the account number until the customer confirms the address it belongs to. */
export async function confirmedAccount(chat: Chat, services: Services, linked: readonly AccountNumber[]): Promise<AccountCard | null> {
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

/** Asks for consent to the agreement and to personal-data processing; the moment it was given, or null. */
export async function consented(chat: Chat, services: Services, prompt: Text): Promise<Date | null> {
  const consent = await chat.choose(prompt, [
    { value: 'agree', label: text('link-consent-agree') },
    { value: 'decline', label: text('link-consent-decline') },
  ]);
  return consent === 'agree' ? now(chat, services, 'consent-time') : null;
}

/**
 * Records a failed proof. An unknown account and a wrong amount get the same answer, so the
 * answer does not tell which part was wrong. True when linking is now paused.
 */
export async function failed(chat: Chat, services: Services, account: AccountNumber | null): Promise<boolean> {
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

export async function isPaused(chat: Chat, services: Services, account: AccountNumber | null): Promise<boolean> {
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

export async function now(chat: Chat, services: Services, key: string): Promise<Date> {
  return new Date(await chat.effect(key, async () => services.clock().toISOString()));
}
