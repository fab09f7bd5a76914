import type { PaymentOutcome } from './payment';
import type { ChatPushes } from '../outbox/ports';
import type { PaymentOrders } from './ports';
import { money, text } from '../../kernel/text';

/**
 * The provider's verdict on an order: the first one counts, a repeat or a late one changes
 * nothing, and the chat where the payment started is told on its own channel.
 */
export async function completePayment(
  services: { readonly orders: PaymentOrders; readonly pushes: ChatPushes },
  orderId: string,
  outcome: PaymentOutcome,
): Promise<boolean> {
  const order = await services.orders.complete(orderId, outcome);
  if (!order) return false;
  const args = { amount: money(order.amount), account: order.account };
  await services.pushes.enqueue([
    { chat: order.chat, message: outcome === 'succeeded' ? text('push-payment-succeeded', args) : text('push-payment-failed', args) },
  ]);
  return true;
}
