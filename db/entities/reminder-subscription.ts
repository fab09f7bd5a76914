import { defineEntity, p } from '@mikro-orm/core';

/** A chat that asked to be reminded of an account's readings window or payment due date. */
export const ReminderSubscription = defineEntity({
  name: 'ReminderSubscription',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    chatId: p.string(),
    account: p.string().length(12),
    /** `readings` or `payment`. */
    kind: p.string().length(16).index(),
    since: p.datetime(),
  },
  uniques: [{ properties: ['channel', 'chatId', 'account', 'kind'] }],
});
