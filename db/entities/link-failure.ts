import { defineEntity, p } from '@mikro-orm/core';

/** A failed proof of ownership; an unknown account number counts against the origin only. */
export const LinkFailure = defineEntity({
  name: 'LinkFailure',
  properties: {
    id: p.integer().primary().autoincrement(),
    chatKey: p.string(),
    /** Whose count it is: a Telegram user, a web chat's browser. */
    origin: p.string().default(''),
    /** The network address a web chat's browser opened the chat from (`ip:…`): its chats share a slow-down, not a wall. */
    network: p.string().nullable(),
    accountNumber: p.string().length(12).nullable(),
    failedAt: p.datetime(),
  },
  indexes: [
    { properties: ['chatKey', 'failedAt'] },
    { properties: ['origin', 'failedAt'] },
    { properties: ['accountNumber', 'failedAt'] },
    { properties: ['network', 'failedAt'] },
  ],
});

/** An account number an origin looked up: a budget of distinct numbers a day. */
export const AccountLookup = defineEntity({
  name: 'AccountLookup',
  properties: {
    id: p.integer().primary().autoincrement(),
    origin: p.string(),
    accountNumber: p.string().length(12),
    lookedUpAt: p.datetime(),
  },
  indexes: [{ properties: ['origin', 'lookedUpAt'] }],
});

/** When an account's owner was last told that someone failed to link it: once a day at most. */
export const LinkFailureNotice = defineEntity({
  name: 'LinkFailureNotice',
  properties: {
    accountNumber: p.string().length(12).primary(),
    notifiedAt: p.datetime(),
  },
});
