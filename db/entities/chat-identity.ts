import { defineEntity, p } from '@mikro-orm/core';

/** One chat on one channel; what links and the language choice belong to. */
export const ChatIdentity = defineEntity({
  name: 'ChatIdentity',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    externalId: p.string(),
    /** The language the customer chose; null until they choose, when the platform's hint applies. */
    locale: p.string().length(2).nullable(),
    createdAt: p.datetime(),
    /** Bot Framework's address of the conversation (service URL, ids), for messages the bot starts. */
    conversationReference: p.json<Record<string, unknown>>().nullable(),
    /** Where a web chat's browser was when its chat was opened (`ip:…`): what its attempts count against. */
    origin: p.string().nullable(),
  },
  uniques: [{ properties: ['channel', 'externalId'] }],
});
