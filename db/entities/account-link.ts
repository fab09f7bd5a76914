import { defineEntity, p } from '@mikro-orm/core';
import { Account } from './account';
import { ChatIdentity } from './chat-identity';

export const AccountLink = defineEntity({
  name: 'AccountLink',
  properties: {
    id: p.integer().primary().autoincrement(),
    identity: () => p.manyToOne(ChatIdentity),
    account: () => p.manyToOne(Account).index(),
    /** When the customer accepted the agreement and the personal-data processing. */
    consentAt: p.datetime(),
    linkedAt: p.datetime(),
    /** The most recently chosen link is the chat's active account. */
    chosenAt: p.datetime(),
    /** `proof` (the payment: the owner's chat) or `invite` (an owner's household invite: settings read-only). */
    via: p.string().default('proof'),
  },
  uniques: [{ properties: ['identity', 'account'] }],
});
