import { defineEntity, p } from '@mikro-orm/core';
import type { SubmitOutcome } from '../../core/features/readings/ports';

/**
 * Readings a customer sent in chat, kept until billing has them: handed over at once when billing
 * answers, otherwise by the outbox, always under the same idempotency key.
 */
export const ReadingHandover = defineEntity({
  name: 'ReadingHandover',
  // The outbox reads what is still to hand over and due.
  indexes: [{ properties: ['sentAt', 'nextAttemptAt'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** The `Idempotency-Key` billing sees on every attempt: one submission, however often it is sent. */
    key: p.string().length(64).unique(),
    /** Not a reference to `account`: over the billing API the account lives in the supplier's billing. */
    accountNumber: p.string().length(12),
    period: p.string().length(7),
    entries: p.json<{ serialNumber: string; zone: string; value: number; consumptionKwh: number }[]>(),
    /** The chat that sent them, told of the outcome when the outbox hands them over. */
    channel: p.string(),
    chatId: p.string(),
    submittedAt: p.datetime(),
    /** Billing's word, once it gave one: final. */
    outcome: p.json<SubmitOutcome>().nullable(),
    attempts: p.integer().default(0),
    nextAttemptAt: p.datetime(),
    lastError: p.text().nullable(),
    /** When billing's word came (handed over, or refused). */
    sentAt: p.datetime().nullable(),
    /** Never set by energobot itself (readings are not given up); kept so the outbox table has the columns every outbox has. */
    gaveUpAt: p.datetime().nullable(),
  },
});
