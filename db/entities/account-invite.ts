import { defineEntity, p } from '@mikro-orm/core';

/** A household invite: a link the owner's chat hands out, for one chat to take once within a day. */
export const AccountInvite = defineEntity({
  name: 'AccountInvite',
  properties: {
    id: p.integer().primary().autoincrement(),
    tokenHash: p.string().length(64).unique(),
    account: p.string().length(12).index(),
    inviterChannel: p.string(),
    inviterChatId: p.string(),
    createdAt: p.datetime(),
    expiresAt: p.datetime(),
    usedAt: p.datetime().nullable(),
    usedByChannel: p.string().nullable(),
    usedByChatId: p.string().nullable(),
  },
});
