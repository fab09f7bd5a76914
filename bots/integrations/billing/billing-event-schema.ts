import { z } from 'zod';
import { accountFields, type BillingEvent } from '../../../core/features/billing/billing-event';
import type { AccountNumber } from '../../../core/kernel/account-number';
import { kopecks } from '../../../core/kernel/money';

/** An event's body as docs/billing-api.yaml has it (`components.schemas.BillingEvent`), read into the core's words. */
const account = z
  .string()
  .regex(/^\d{12}$/)
  .transform((number) => number as AccountNumber);
const period = z.string().regex(/^\d{4}-(0[1-9]|1[0-2])$/);
const time = z.iso.datetime({ offset: true }).transform((at) => new Date(at));
const envelope = { id: z.string().regex(/^[A-Za-z0-9._:-]{1,100}$/), occurredAt: time };

const paymentPosted = z.object({
  ...envelope,
  type: z.literal('payment.posted'),
  data: z.strictObject({ account, paidAt: time, amountKopecks: z.number().int().min(1), source: z.string() }),
});
const chargesPublished = z.object({ ...envelope, type: z.literal('charges.published'), data: z.strictObject({ period }) });
const readingsAccepted = z.object({ ...envelope, type: z.literal('readings.accepted'), data: z.strictObject({ account, period }) });
const accountChanged = z.object({
  ...envelope,
  type: z.literal('account.changed'),
  data: z.strictObject({ account, changed: z.array(z.enum(accountFields)).min(1) }),
});

export const billingEventSchema = z
  .discriminatedUnion('type', [paymentPosted, chargesPublished, readingsAccepted, accountChanged])
  .transform((body): BillingEvent => {
    const { id, occurredAt } = body;
    switch (body.type) {
      case 'payment.posted': {
        const { account, paidAt, amountKopecks, source } = body.data;
        return { id, occurredAt, type: body.type, account, paidAt, amount: kopecks(amountKopecks), source };
      }
      case 'charges.published':
        return { id, occurredAt, type: body.type, period: body.data.period };
      case 'readings.accepted':
        return { id, occurredAt, type: body.type, account: body.data.account, period: body.data.period };
      case 'account.changed':
        return { id, occurredAt, type: body.type, account: body.data.account, changed: body.data.changed };
    }
  });
