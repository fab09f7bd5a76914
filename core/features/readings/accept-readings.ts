import type { AccountNumber } from '../../kernel/account-number';
import { displayPeriod } from '../../kernel/period';
import type { ChatIdentities } from '../linking/ports';
import type { ChatPushes } from '../outbox/ports';
import type { MeterReadings } from './ports';
import { text } from '../../kernel/text';

/**
 * Billing took the period's readings: they get their green tick, and every chat linked to the
 * account is told, in its own language, on its own channel.
 */
export async function acceptReadings(
  services: { readonly readings: MeterReadings; readonly identities: ChatIdentities; readonly pushes: ChatPushes },
  account: AccountNumber,
  period: string,
): Promise<{ accepted: number; notified: number }> {
  const accepted = await services.readings.accept(account, period);
  if (accepted === 0) return { accepted, notified: 0 };
  const chats = await services.identities.chatsLinkedTo(account);
  await services.pushes.enqueue(chats.map((chat) => ({ chat, message: text('push-readings-accepted', { account, period: displayPeriod(period) }) })));
  return { accepted, notified: chats.length };
}
