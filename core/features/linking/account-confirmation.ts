import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import type { AccountCard } from '../account/account';
import { parseAccountNumber, type AccountNumber } from '../../kernel/account-number';
import { maskAddress } from '../../kernel/address';
import { linkingPolicy } from './linking-policy';
import type { FlowServices } from '../../kernel/services';
import { moment, text, type Text } from '../../kernel/text';

export const cancelButtons = [taskButton('cancel')];

/** What the account number is asked for: the answers speak of linking, of readings only, of a payment only, or of an appeal. */
export type Purpose = 'link' | 'readings' | 'pay' | 'appeal';

/**
 * A pause no longer than a slow-down is not this chat's own doing (strangers failed on the
 * account, other chats from its address): the customer is asked to wait a little, not blamed.
 */
const pausedWords = (purpose: Purpose, until: Date, now: Date): Text =>
  until.getTime() - now.getTime() <= linkingPolicy.maxSlowDownMs ? text('link-wait', { until: moment(until) }) : wording[purpose].paused(until);

const wording: Record<Purpose, { paused(until: Date): Text; notMatched(remaining: number): Text }> = {
  link: { paused: (until) => text('link-paused', { until: moment(until) }), notMatched: (remaining) => text('link-not-matched', { remaining }) },
  readings: { paused: (until) => text('readings-paused', { until: moment(until) }), notMatched: (remaining) => text('readings-not-matched', { remaining }) },
  pay: { paused: (until) => text('pay-paused', { until: moment(until) }), notMatched: (remaining) => text('pay-not-matched', { remaining }) },
  appeal: { paused: (until) => text('appeal-paused', { until: moment(until) }), notMatched: (remaining) => text('appeal-not-matched', { remaining }) },
};

/**
 * Asks for the account number until the customer confirms the address it belongs to. A number
 * `given` with the request (a button's) is the first answer: it is looked up and its address
 * confirmed like a typed one, since a button's data can be forged.
 */
export async function confirmedAccount(
  chat: Chat,
  services: FlowServices,
  linked: readonly AccountNumber[],
  purpose: Purpose,
  given?: AccountNumber,
): Promise<AccountCard | null> {
  let first = given;
  for (;;) {
    const number = first ?? (await chat.ask(text('link-ask-number'), parseAccountNumber, { buttons: cancelButtons, notTyped: text('link-number-not-typed') }));
    first = undefined;
    if (linked.includes(number)) {
      await chat.say(text('link-already', { account: number }));
      continue;
    }
    // Each number looked up counts against where the chat comes from: numbers cannot be tried in bulk.
    const lookup = await services.attempts.lookup(chat.address, number, await services.now());
    if ('pausedUntil' in lookup) {
      await reportPaused(chat, services, lookup.pausedUntil, purpose);
      return null;
    }
    if (await isPaused(chat, services, number, purpose)) return null;
    const card = await services.accounts.card(number);
    if (!card) {
      if (await failed(chat, services, null, purpose)) return null;
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
export async function consented(chat: Chat, services: FlowServices, prompt: Text): Promise<Date | null> {
  const consent = await chat.choose(prompt, [
    { value: 'agree', label: text('link-consent-agree') },
    { value: 'decline', label: text('link-consent-decline') },
  ]);
  return consent === 'agree' ? services.now() : null;
}

/**
 * Records a failed proof. An unknown account and a wrong amount get the same answer, so the
 * answer does not tell which part was wrong. True when linking is now paused.
 */
export async function failed(chat: Chat, services: FlowServices, account: AccountNumber | null, purpose: Purpose): Promise<boolean> {
  await services.attempts.recordFailure(chat.address, account, await services.now());
  return reportFailure(chat, services, account, purpose);
}

/** Tells how many attempts are left after a failure already counted; true when it paused. */
export async function reportFailure(chat: Chat, services: FlowServices, account: AccountNumber | null, purpose: Purpose): Promise<boolean> {
  const status = await services.attempts.status(chat.address, account, await services.now());
  if (status.pausedUntil) return reportPaused(chat, services, status.pausedUntil, purpose);
  await chat.say(wording[purpose].notMatched(status.remaining));
  return false;
}

export async function reportPaused(chat: Chat, services: FlowServices, until: Date, purpose: Purpose): Promise<true> {
  await chat.say(pausedWords(purpose, until, await services.now()));
  return true;
}

export async function isPaused(chat: Chat, services: FlowServices, account: AccountNumber | null, purpose: Purpose): Promise<boolean> {
  const now = await services.now();
  const { pausedUntil } = await services.attempts.status(chat.address, account, now);
  if (pausedUntil) await chat.say(pausedWords(purpose, pausedUntil, now));
  return pausedUntil !== null;
}
