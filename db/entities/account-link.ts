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
  },
  uniques: [{ properties: ['identity', 'account'] }],
});
