import { defineEntity, p } from '@mikro-orm/core';

/** A chat that asked for an account's receipt every month, in the chat. */
export const MonthlyReceiptChat = defineEntity({
  name: 'MonthlyReceiptChat',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    chatId: p.string(),
    account: p.string().length(12).index(),
    since: p.datetime(),
  },
  uniques: [{ properties: ['channel', 'chatId', 'account'] }],
});
