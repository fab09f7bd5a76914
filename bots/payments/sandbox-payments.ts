import type { PaymentOrder, PaymentOrders, Payments } from '../../core/ports';

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

  async start(order: PaymentOrder): Promise<{ url: string }> {
    const id = await this.orders.create(order);
    return { url: `${this.baseUrl()}/pay/${id}` };
  }
}
