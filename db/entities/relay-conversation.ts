import { defineEntity, p } from '@mikro-orm/core';

/**
 * A web-chat conversation of the embedded Direct Line relay, kept so a reloaded page continues
 * it with its transcript. Its token is stored hashed, and replaced when the page comes back.
 */
export const RelayConversation = defineEntity({
  name: 'RelayConversation',
  properties: {
    id: p.string().length(32).primary(),
    userId: p.string().index(),
    locale: p.string().length(8),
    tokenHash: p.string().length(64).index(),
    /** The bot's key to post into this conversation: part of the serviceUrl the relay gives the bot, never sent to a browser. */
    connectorSecret: p.string().length(64),
    startedAt: p.datetime(),
    tokenExpiresAt: p.datetime(),
    /** Nothing of the conversation is kept past this moment (72 hours after it started). */
    keptUntil: p.datetime().index(),
  },
});

/** One activity of a relay conversation, in the order the relay numbered them. */
export const RelayActivity = defineEntity({
  name: 'RelayActivity',
  properties: {
    id: p.integer().primary().autoincrement(),
    conversationId: p.string().length(32),
    seq: p.integer(),
    activity: p.json<Record<string, unknown>>(),
  },
  uniques: [{ properties: ['conversationId', 'seq'] }],
});
