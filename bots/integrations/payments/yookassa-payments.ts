import { z } from 'zod';
import { kopecks } from '../../../core/kernel/money';
import { paymentSettlesOrder, type PaymentOutcome } from '../../../core/features/pay/payment';
import type { AccountNumber } from '../../../core/kernel/account-number';
import type { PaymentOrder, PaymentOrders, Payments, PendingPayment } from '../../../core/features/pay/ports';

export interface YooKassaSettings {
  readonly shopId: string;
  readonly secretKey: string;
  readonly apiUrl: string;
  /** Where the provider's page sends the customer back. */
  readonly returnUrl: () => string;
}

const createdPayment = z.object({ id: z.string(), status: z.string(), confirmation: z.object({ confirmation_url: z.string().url() }) });
const fetchedPayment = z.object({
  id: z.string(),
  status: z.string(),
  amount: z.object({ value: z.string().regex(/^\d+(\.\d{1,2})?$/), currency: z.string() }),
  metadata: z.object({ orderId: z.string() }).partial().optional(),
});

/** YooKassa has no payment by that id. */
export class UnknownPaymentError extends Error {}

/** YooKassa's statuses that are final for us; `pending` and `waiting_for_capture` are not. */
const outcomes: Record<string, PaymentOutcome> = { succeeded: 'succeeded', canceled: 'failed' };

/** YooKassa API v3: payments with a redirect confirmation, created idempotently per order. */
export class YooKassaPayments implements Payments {
  constructor(
    private readonly orders: PaymentOrders,
    private readonly settings: YooKassaSettings,
    /** A payment that does not match the order it names: logged, and nothing changes. */
    private readonly onMismatch: (mismatch: Record<string, unknown>) => void = () => undefined,
    /** Each call to the API, how long it took and how it ended: what the operator's dashboard shows. */
    private readonly timed: (call: string, ms: number, outcome: 'ok' | 'failed') => void = () => undefined,
  ) {}

  pending(account: AccountNumber, since: Date): Promise<PendingPayment[]> {
    return this.orders.succeededSince(account, since);
  }

  async start(order: PaymentOrder): Promise<{ url: string }> {
    const orderId = await this.orders.create(order, 'yookassa');
    const response = await this.call('POST', '/v3/payments', {
      // The order id as the idempotence key: a retried request never creates a second payment.
      headers: { 'idempotence-key': orderId },
      body: {
        amount: { value: (order.amount / 100).toFixed(2), currency: 'RUB' },
        capture: true,
        confirmation: { type: 'redirect', return_url: this.settings.returnUrl() },
        description: `Лицевой счёт ${order.account}`,
        metadata: { account: order.account, orderId },
      },
    });
    const payment = createdPayment.parse(response);
    await this.orders.attachProviderPayment(orderId, payment.id);
    return { url: payment.confirmation.confirmation_url };
  }

  /**
   * The provider's word on a payment, asked directly: notifications are only a hint to ask. Null
   * while it is not final, or when it does not settle the order it names (another payment, another sum).
   */
  async verdict(providerPaymentId: string): Promise<{ orderId: string; outcome: PaymentOutcome } | null> {
    const payment = fetchedPayment.parse(await this.call('GET', `/v3/payments/${encodeURIComponent(providerPaymentId)}`));
    const outcome = outcomes[payment.status];
    const orderId = payment.metadata?.orderId;
    if (!outcome || !orderId) return null;
    const order = await this.orders.find(orderId);
    const taken = { id: payment.id, amount: kopecks(Math.round(Number(payment.amount.value) * 100)), currency: payment.amount.currency };
    if (!order || !paymentSettlesOrder(order, taken)) {
      this.onMismatch({ orderId, payment: taken, order: order ? { amount: order.amount, providerPaymentId: order.providerPaymentId } : null });
      return null;
    }
    return { orderId, outcome };
  }

  private async call(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown } = {}): Promise<unknown> {
    const began = Date.now();
    const call = `${method} ${path.replace(/\/[^/]{20,}$/, '/:id')}`;
    try {
      const result = await this.request(method, path, options);
      this.timed(call, Date.now() - began, 'ok');
      return result;
    } catch (error) {
      this.timed(call, Date.now() - began, 'failed');
      throw error;
    }
  }

  private async request(method: string, path: string, options: { headers?: Record<string, string>; body?: unknown }): Promise<unknown> {
    const response = await fetch(`${this.settings.apiUrl}${path}`, {
      method,
      headers: {
        authorization: `Basic ${Buffer.from(`${this.settings.shopId}:${this.settings.secretKey}`).toString('base64')}`,
        'content-type': 'application/json',
        ...options.headers,
      },
      ...(options.body !== undefined && { body: JSON.stringify(options.body) }),
    });
    if (response.status === 404) throw new UnknownPaymentError(`YooKassa ${method} ${path}: no such payment`);
    if (!response.ok) throw new Error(`YooKassa ${method} ${path}: HTTP ${response.status}`);
    return response.json();
  }
}
