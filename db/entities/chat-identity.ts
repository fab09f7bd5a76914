import { defineEntity, p } from '@mikro-orm/core';

/** One chat on one channel; what links and the language choice belong to. */
export const ChatIdentity = defineEntity({
  name: 'ChatIdentity',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    externalId: p.string(),
    locale: p.string().length(2),
    createdAt: p.datetime(),
  },
  uniques: [{ properties: ['channel', 'externalId'] }],
});
