import { isIP } from 'node:net';
import type { Request, Response, Server } from 'restify';
import { z } from 'zod';
import { reconcileAfterMs } from '../../../core/features/pay/payment';
import { completePayment } from '../../../core/features/pay/complete-payment';
import type { ChatPushes } from '../../../core/features/outbox/ports';
import type { PaymentOrders } from '../../../core/features/pay/ports';
import { errorFields, type Log } from '../../../core/kernel/log';
import { UnknownPaymentError, type YooKassaPayments } from './yookassa-payments';

export interface YooKassaRouteOptions {
  readonly provider: YooKassaPayments;
  readonly orders: PaymentOrders;
  readonly pushes: ChatPushes;
  /** Addresses notifications may come from; empty: any (they are verified with the API anyway). */
  readonly allowedIps: readonly string[];
  readonly pushed: () => void;
  readonly log: Log;
}

const notification = z.object({ type: z.literal('notification'), event: z.string(), object: z.object({ id: z.string().min(1).max(64) }) });

export function mountYooKassa(server: Server, options: YooKassaRouteOptions): void {
  server.post('/payments/yookassa/notification', async (req: Request, res: Response) => {
    const from = req.socket.remoteAddress ?? '';
    const address = from.startsWith('::ffff:') && isIP(from.slice(7)) === 4 ? from.slice(7) : from;
    if (options.allowedIps.length > 0 && !options.allowedIps.includes(address)) return void res.send(403, { error: 'not an allowed address' });
    const body = notification.safeParse(req.body);
    if (!body.success) return void res.send(400, { error: 'not a YooKassa notification' });
    // A notification is a trigger only: what counts is what the API says about the payment.
    try {
      const verdict = await options.provider.verdict(body.data.object.id);
      if (verdict && (await completePayment(options, verdict.orderId, verdict.outcome))) options.pushed();
      res.send(200, { ok: true });
    } catch (error) {
      if (error instanceof UnknownPaymentError) return void res.send(404, { error: 'no such payment' });
      options.log.warn('payment notification not handled; YooKassa will send it again', errorFields(error));
      res.send(503, { error: 'try again later' });
    }
  });
}

/** Asks YooKassa about payments still pending after `reconcileAfterMs`, in case a notification was lost. */
export async function reconcileYooKassa(options: YooKassaRouteOptions, now: Date): Promise<number> {
  let completed = 0;
  for (const order of await options.orders.stale('yookassa', new Date(now.getTime() - reconcileAfterMs))) {
    try {
      const verdict = await options.provider.verdict(order.providerPaymentId);
      if (verdict && (await completePayment(options, order.id, verdict.outcome))) completed += 1;
    } catch (error) {
      options.log.warn('payment not reconciled, will retry', { orderId: order.id, ...errorFields(error) });
    }
  }
  if (completed > 0) options.pushed();
  return completed;
}
