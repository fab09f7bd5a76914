import { defineEntity, p } from '@mikro-orm/core';

/** A planned or emergency interruption of supply the supplier published: its area as billing writes addresses. */
export const Interruption = defineEntity({
  name: 'Interruption',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** `planned` or `emergency`. */
    kind: p.string().length(16),
    area: p.text(),
    startsAt: p.datetime(),
    until: p.datetime(),
    reason: p.text(),
    endedAt: p.datetime().nullable(),
    /** One more with each change told to the chats (a new expected time, the end). */
    version: p.integer().default(1),
    /** The version whose notices are all queued: behind `version` when a process died telling it, and a restart tells it then. */
    toldVersion: p.integer().default(0),
    createdAt: p.datetime(),
    /** What it says, hashed, while it lasts: the same one published twice at once (a double click, a retried call) is one. */
    fingerprint: p.string().length(64).nullable().unique(),
  },
});
