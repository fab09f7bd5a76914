import type { AccountNumber } from '../../kernel/account-number';
import { chatKey, type ChatAddress } from '../../kernel/channel';

/** The numbers behind linking a chat to an account (domain.md, "Linking a chat to an account"). */
export const linkingPolicy = {
  /**
   * Failed proofs allowed per origin (a Telegram user, a web client's address), and per account
   * from one origin, within `failureWindowMs`. Strangers never lock the owner out: past this many
   * failures from everywhere, the account only slows down.
   */
  maxFailures: 5,
  /**
   * Failed proofs from one network address (a household's Wi-Fi, a carrier's shared address) from
   * all its chats before its proofs slow down; each browser has its own `maxFailures` first.
   */
  networkFailures: 10,
  /** Distinct account numbers one origin may look up within `failureWindowMs`: numbers cannot be enumerated. */
  maxLookups: 10,
  /** The longest an account's slow-down makes anyone wait. */
  maxSlowDownMs: 15 * 60_000,
  failureWindowMs: 24 * 60 * 60 * 1000,
  /** A payment proves ownership if made within this long before linking… */
  paymentLookbackMs: 365 * 24 * 60 * 60 * 1000,
  /** …and is old enough to have posted. */
  paymentMinAgeMs: 24 * 60 * 60 * 1000,
  maxAccountsPerIdentity: 10,
} as const;

export interface AttemptStatus {
  readonly remaining: number;
  readonly pausedUntil: Date | null;
}

/** Limits per chat and per account hold together: the fewest attempts left, the latest pause. */
export function combinedStatus(statuses: readonly AttemptStatus[]): AttemptStatus {
  const pauses = statuses.flatMap((status) => (status.pausedUntil ? [status.pausedUntil.getTime()] : []));
  return {
    remaining: Math.min(...statuses.map((status) => status.remaining)),
    pausedUntil: pauses.length ? new Date(Math.max(...pauses)) : null,
  };
}

/**
 * An account many strangers failed on, or a network address many chats failed from, slows down
 * rather than locks: past `after` failures, the next proof waits 2, 4, 8… seconds after the
 * latest failure (at most `maxSlowDownMs`). Nobody behind it is shut out for a day.
 */
export function slowDown(failures: readonly Date[], now: Date, after: number = linkingPolicy.maxFailures): AttemptStatus {
  const recent = inWindow(failures, now);
  const over = recent.length - after;
  if (over < 0) return { remaining: linkingPolicy.maxFailures, pausedUntil: null };
  const until = Math.max(...recent) + Math.min(linkingPolicy.maxSlowDownMs, 2 ** (over + 1) * 1000);
  return { remaining: linkingPolicy.maxFailures, pausedUntil: until > now.getTime() ? new Date(until) : null };
}

/** Pure rule: given the failure times in the window (any order), how many are left and until when it pauses. */
export function attemptStatus(failures: readonly Date[], now: Date): AttemptStatus {
  const recent = inWindow(failures, now).sort((a, b) => b - a);
  const remaining = Math.max(0, linkingPolicy.maxFailures - recent.length);
  if (remaining > 0) return { remaining, pausedUntil: null };
  const fifthNewest = recent[linkingPolicy.maxFailures - 1] as number;
  return { remaining, pausedUntil: new Date(fifthNewest + linkingPolicy.failureWindowMs) };
}

/**
 * The failures of the window, those stamped after `now` included: concurrent proofs take `now`
 * before they queue for the account, so the ones ahead of this one in the queue are "later".
 */
function inWindow(failures: readonly Date[], now: Date): number[] {
  const windowStart = now.getTime() - linkingPolicy.failureWindowMs;
  return failures.map((at) => at.getTime()).filter((at) => at > windowStart);
}

/** The start of the window the limits count in: what happened after it counts. */
export function windowStart(now: Date): Date {
  return new Date(now.getTime() - linkingPolicy.failureWindowMs);
}

/** Whose count a chat's attempts are (its origin), and the network address it came from, when known. */
export interface ChatOrigin {
  readonly origin: string;
  readonly network: string | null;
}

/** Only a web chat has a network address: the one its browser opened it from. A messenger user's (Telegram, MAX) is never known. */
export const hasNetwork = (chat: ChatAddress): boolean => chat.channel === 'webchat';

/**
 * A messenger's private chat (Telegram, MAX) is its user; a web chat is its browser, and comes from the address it
 * opened the chat at (`openedFrom`), when known.
 */
export function originOf(chat: ChatAddress, openedFrom: string | null): ChatOrigin {
  return { origin: chatKey(chat), network: hasNetwork(chat) ? openedFrom : null };
}

/**
 * Account look-ups are counted per network address where there is one, so a script cannot
 * enumerate numbers by opening new chats; otherwise per origin.
 */
export const lookupOrigin = ({ origin, network }: ChatOrigin): string => network ?? origin;

/** Allowed or not; `counts`: a number new in the window, to be stored against the budget. */
export type LookupDecision = { readonly allowed: true; readonly counts: boolean } | { readonly allowed: false; readonly pausedUntil: Date };

/**
 * The look-up budget: given the origin's look-ups (any order), a number it looked up within the
 * window is looked up again freely; a new one is allowed while fewer than `maxLookups` distinct
 * numbers were; past that, none until the oldest look-up of the window is a window old.
 */
export function lookupDecision(looked: readonly { readonly account: string; readonly at: Date }[], account: AccountNumber, now: Date): LookupDecision {
  const since = windowStart(now).getTime();
  const recent = looked.filter((row) => row.at.getTime() > since);
  if (recent.some((row) => row.account === account)) return { allowed: true, counts: false };
  if (new Set(recent.map((row) => row.account)).size < linkingPolicy.maxLookups) return { allowed: true, counts: true };
  const oldest = Math.min(...recent.map((row) => row.at.getTime()));
  return { allowed: false, pausedUntil: new Date(oldest + linkingPolicy.failureWindowMs) };
}
