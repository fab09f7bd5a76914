import { randomBytes } from 'node:crypto';
import type { MikroORM } from '@mikro-orm/core';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel } from '../../core/kernel/channel';
import { kopecks, type Kopecks } from '../../core/kernel/money';
import type { PaymentOutcome } from '../../core/features/pay/payment';
import type { PaymentOrder as Order, PaymentOrders, PendingPayment } from '../../core/features/pay/ports';
import { PaymentOrder } from '../entities';
import { dateColumn, plainQueryOf } from '../plain-query';

type Row = { account: { number: string }; amountKopecks: number; includesEstimate: boolean; channel: string; chatId: string; status: string };

export class SqlPaymentOrders implements PaymentOrders {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async create(order: Order, provider: string): Promise<string> {
    // Random, so an order id in a payment link cannot be guessed from another.
    const id = randomBytes(16).toString('hex');
    await this.orm.em.fork().insert(PaymentOrder, {
      id,
      account: order.account,
      amountKopecks: order.amount,
      includesEstimate: order.includesEstimate,
      channel: order.chat.channel,
      chatId: order.chat.id,
      provider,
      createdAt: this.clock(),
    });
    return id;
  }

  async attachProviderPayment(id: string, providerPaymentId: string): Promise<void> {
    await this.orm.em.fork().nativeUpdate(PaymentOrder, { id }, { providerPaymentId });
  }

  async stale(provider: string, createdBefore: Date): Promise<{ id: string; providerPaymentId: string }[]> {
    const rows = await this.orm.em
      .fork()
      .find(PaymentOrder, { provider, status: 'pending', providerPaymentId: { $ne: null }, createdAt: { $lt: createdBefore } }, { limit: 100 });
    return rows.map((row) => ({ id: row.id, providerPaymentId: row.providerPaymentId as string }));
  }

  async find(id: string) {
    const row = await this.orm.em.fork().findOne(PaymentOrder, { id });
    return row && { ...toOrder(row), status: row.status as 'pending' | PaymentOutcome, providerPaymentId: row.providerPaymentId ?? null };
  }

  async succeededSince(account: AccountNumber, since: Date): Promise<PendingPayment[]> {
    // Read by every look at the account: plain rows.
    const rows = await plainQueryOf(this.orm).rows(
      "select amount_kopecks, completed_at from payment_order where account_number = ? and status = 'succeeded' and completed_at >= ? and posted_at is null order by completed_at",
      [account, since],
    );
    return rows.map((row) => ({ amount: kopecks(Number(row['amount_kopecks'])), paidAt: dateColumn(row['completed_at']).toISOString() }));
  }

  async markPosted(account: AccountNumber, amount: Kopecks, paidAt: Date): Promise<boolean> {
    const em = this.orm.em.fork();
    // An order created after the payment was made cannot be the one billing posted.
    const order = await em.findOne(
      PaymentOrder,
      { account, amountKopecks: amount, status: 'succeeded', postedAt: null, createdAt: { $lte: paidAt } },
      { orderBy: { completedAt: 'asc' }, fields: ['id'] },
    );
    if (!order) return false;
    return (await em.nativeUpdate(PaymentOrder, { id: order.id, postedAt: null }, { postedAt: this.clock() })) === 1;
  }

  async complete(id: string, outcome: PaymentOutcome): Promise<Order | null> {
    const em = this.orm.em.fork();
    // Only a pending order moves: a repeated or out-of-order verdict never overwrites a final one.
    const moved = await em.nativeUpdate(PaymentOrder, { id, status: 'pending' }, { status: outcome, completedAt: this.clock() });
    if (moved !== 1) return null;
    const row = await em.findOneOrFail(PaymentOrder, { id });
    return toOrder(row);
  }
}

function toOrder(row: Row): Order {
  if (!isChatChannel(row.channel)) throw new Error(`Unknown channel ${row.channel}`);
  return {
    account: row.account.number as AccountNumber,
    amount: kopecks(row.amountKopecks),
    includesEstimate: row.includesEstimate,
    chat: { channel: row.channel, id: row.chatId },
  };
}
