import { createHash } from 'node:crypto';
import type { AccountNumber } from '../../kernel/account-number';
import { chatKey, type ChatAddress } from '../../kernel/channel';
import { displayPeriod } from '../../kernel/period';
import { lines, text, type Text } from '../../kernel/text';
import type { ChatPushes } from '../outbox/ports';
import type { MeterReadings, SubmitOutcome } from '../readings/ports';
import type { DueHandover, ReadingHandovers } from './ports';

/**
 * The idempotency key of one submission: made of what the chat's flow recorded, so a turn run
 * again after a crash makes the same key, and billing sees one submission however often it is sent.
 */
export function handoverKey(chat: ChatAddress, account: AccountNumber, period: string, submittedAt: Date): string {
  return createHash('sha256')
    .update(`${chatKey(chat)}\u0000${account}\u0000${period}\u0000${submittedAt.toISOString()}`)
    .digest('hex');
}

/** Why billing did not take them, as the customer reads it: billing's own words for a refusal. */
export function refusalReason(outcome: Exclude<SubmitOutcome, { readonly kind: 'saved' | 'replaced' }>, period: string): Text {
  if (outcome.kind === 'closed') return text('readings-refused-closed', { period: displayPeriod(period) });
  if (outcome.kind === 'unknown-meter') return text('readings-refused-unknown-meter');
  return text('readings-refused-by-billing', { reason: outcome.reason });
}

/**
 * The outbox hands over a submission the chat could not: billing's word settles it once (a late
 * attempt changes nothing), and the chat that sent it is told what came of it.
 */
export async function handOverReadings(
  services: { readonly readings: MeterReadings; readonly handovers: ReadingHandovers; readonly pushes: ChatPushes },
  due: DueHandover,
  now: () => Date,
): Promise<void> {
  const outcome = await services.readings.submit(due.account, due.entries, due.chat.channel, due.submittedAt, due.period, due.key);
  if (!(await services.handovers.settle(due.key, outcome, now()))) return;
  const about = { account: due.account, period: displayPeriod(due.period) };
  const message =
    outcome.kind === 'saved' || outcome.kind === 'replaced'
      ? text('push-readings-handed-over', about)
      : text('push-readings-refused', { ...about, reason: lines([refusalReason(outcome, due.period)]) });
  await services.pushes.enqueue([{ chat: due.chat, message, dedupeKey: `handover:${due.key}` }]);
}
