import { defineEntity, p } from '@mikro-orm/core';

/**
 * A change that waits for its e-mail link to be followed (subscribe to the e-receipt, change its
 * address, unsubscribe). The link's random token is stored hashed; it works once, until it expires.
 */
export const EmailConfirmation = defineEntity({
  name: 'EmailConfirmation',
  properties: {
    id: p.integer().primary().autoincrement(),
    tokenHash: p.string().length(64).unique(),
    purpose: p.string(),
    account: p.string().length(12),
    email: p.string(),
    /** Why the customer unsubscribes (a button's word or their own). */
    reason: p.text().nullable(),
    /** The language of the chat that asked: the confirmation page speaks it. */
    locale: p.string().length(2),
    channel: p.string(),
    chatId: p.string(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
  },
});
