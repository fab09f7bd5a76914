import { defineEntity, p } from '@mikro-orm/core';
import { Account } from './account';

/** A payment started in chat: the link's order at the provider, until the provider's verdict. */
export const PaymentOrder = defineEntity({
  name: 'PaymentOrder',
  // Every look at an account reads its payments that went through; the sweep reads the pending ones.
  indexes: [{ properties: ['account', 'status', 'completedAt'] }, { properties: ['status', 'createdAt'] }],
  properties: {
    id: p.string().length(32).primary(),
    account: () => p.manyToOne(Account),
    amountKopecks: p.integer(),
    includesEstimate: p.boolean(),
    channel: p.string(),
    chatId: p.string(),
    /** `sandbox` or `yookassa`; the provider's own id of the payment, once created there. */
    provider: p.string().default('sandbox'),
    providerPaymentId: p.string().nullable().index(),
    /** pending, then succeeded or failed: final, never overwritten. */
    status: p.string().default('pending'),
    createdAt: p.datetime(),
    completedAt: p.datetime().nullable(),
    /** Billing posted it to the balance (its `payment.posted` event): no longer shown as on its way. */
    postedAt: p.datetime().nullable(),
  },
});
