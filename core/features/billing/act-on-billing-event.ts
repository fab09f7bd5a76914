import type { AccountNumber } from '../../kernel/account-number';
import { maskEmail } from '../../kernel/address';
import { lines, moment, money, text, type Text } from '../../kernel/text';
import type { Accounts } from '../account/ports';
import type { PaymentOrders } from '../pay/ports';
import { acceptReadings } from '../readings/accept-readings';
import { publishReceipts, type ReceiptPublication } from '../receipts/publish-receipts';
import type { BillingEvent } from './billing-event';
import type { BillingCache } from './ports';

/** What acting on billing's events needs: the operator API's ports, the cache, the orders and the cards. */
export type BillingEventPorts = Parameters<typeof publishReceipts>[0] &
  Parameters<typeof acceptReadings>[0] & {
    readonly cache: BillingCache;
    readonly orders: Pick<PaymentOrders, 'markPosted'>;
    readonly accounts: Pick<Accounts, 'card'>;
  };

/** What an event led to, for the log: messages queued, or why billing's word changed nothing. */
export type BillingEventOutcome = { readonly queued: number } | Extract<ReceiptPublication, { readonly refused: unknown }>;

type EventOf<T extends BillingEvent['type']> = Extract<BillingEvent, { readonly type: T }>;

/**
 * Billing's word on an account makes energobot forget what it kept of it, then the chats are told
 * what concerns them. Called once per event id; every message it queues carries a key of the
 * event, so acting again after a failure halfway tells no chat twice.
 */
export async function actOnBillingEvent(services: BillingEventPorts, event: BillingEvent, now: Date): Promise<BillingEventOutcome> {
  switch (event.type) {
    case 'payment.posted':
      return paymentPosted(services, event);
    case 'charges.published': {
      // Every account of the period changed: the cache, which forgets one account at a time, lets its short lives run out.
      const published = await publishReceipts(services, event.period, now);
      return 'refused' in published ? published : { queued: published.chats + published.mails };
    }
    case 'readings.accepted':
      await services.cache.forget(event.account);
      return { queued: (await acceptReadings(services, event.account, event.period)).notified };
    case 'account.changed':
      return accountChanged(services, event);
  }
}

async function paymentPosted(services: BillingEventPorts, event: EventOf<'payment.posted'>): Promise<BillingEventOutcome> {
  await services.cache.forget(event.account);
  const message = text('push-payment-posted', { amount: money(event.amount), at: moment(event.paidAt), account: event.account });
  const queued = await tellLinkedChats(services, event, event.account, message);
  // Last, as the one step a repeat would not undo: acting again after a failure before it settles no second order.
  await services.orders.markPosted(event.account, event.amount, event.paidAt);
  return { queued };
}

async function accountChanged(services: BillingEventPorts, event: EventOf<'account.changed'>): Promise<BillingEventOutcome> {
  await services.cache.forget(event.account);
  const address = event.changed.includes('address');
  const email = event.changed.includes('email');
  if (!address && !email) return { queued: 0 };
  const card = await services.accounts.card(event.account);
  if (!card) return { queued: 0 };
  // The address in full, as the account's information shows it to a linked chat; the e-mail masked, as every chat shows it.
  const changes: Text[] = [
    ...(address ? [text('push-account-changed-address', { address: card.address })] : []),
    ...(email ? [card.email ? text('push-account-changed-email', { email: maskEmail(card.email) }) : text('push-account-changed-email-none')] : []),
  ];
  return { queued: await tellLinkedChats(services, event, event.account, text('push-account-changed', { account: event.account, changes: lines(changes) })) };
}

async function tellLinkedChats(services: BillingEventPorts, event: BillingEvent, account: AccountNumber, message: Text): Promise<number> {
  const chats = await services.identities.chatsLinkedTo(account);
  return services.pushes.enqueue(chats.map((chat) => ({ chat, message, dedupeKey: `billing-event:${event.id}:${chat.channel}:${chat.id}` })));
}
