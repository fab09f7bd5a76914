import { defineEntity, p } from '@mikro-orm/core';

/** A file made for a chat (chart, CSV), found by the hash of its download token until it expires. */
export const StoredFile = defineEntity({
  name: 'StoredFile',
  properties: {
    id: p.integer().primary().autoincrement(),
    tokenHash: p.string().length(64).unique(),
    name: p.string(),
    mime: p.string(),
    content: p.blob(),
    expiresAt: p.datetime().index(),
  },
});
