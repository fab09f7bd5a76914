import type { AccountNumber } from '../../../core/kernel/account-number';
import type { PaymentOrder, PaymentOrders, Payments, PendingPayment } from '../../../core/features/pay/ports';

/**
 * The embedded default's payment provider: energobot's own card page (`/pay/:id`). It behaves as
 * a provider does: the order is created first, the page is where the card is entered, and the
 * verdict comes back through the signed callback only.
 */
export class SandboxPayments implements Payments {
  constructor(
    private readonly orders: PaymentOrders,
    private readonly baseUrl: () => string,
  ) {}

  pending(account: AccountNumber, since: Date): Promise<PendingPayment[]> {
    return this.orders.succeededSince(account, since);
  }

  async start(order: PaymentOrder): Promise<{ url: string }> {
    const id = await this.orders.create(order, 'sandbox');
    return { url: `${this.baseUrl()}/pay/${id}` };
  }
}
