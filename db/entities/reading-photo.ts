import { defineEntity, p } from '@mikro-orm/core';

/**
 * A meter photo the customer sent with readings in chat: evidence kept with the submission
 * (`handoverKey`), for operators and the readings history. Ours only: billing's contract has no
 * room for it. The bytes are in the files appeals keep theirs in (`AppealFile`, by `fileId`).
 */
export const ReadingPhoto = defineEntity({
  name: 'ReadingPhoto',
  // The history reads an account's periods; the desk, the newest.
  indexes: [{ properties: ['accountNumber', 'period'] }, { properties: ['submittedAt'] }],
  uniques: [{ properties: ['handoverKey', 'fileId'] }],
  properties: {
    id: p.integer().primary().autoincrement(),
    /** The submission's idempotency key (`ReadingHandover.key`). */
    handoverKey: p.string().length(64),
    accountNumber: p.string().length(12),
    period: p.string().length(7),
    /** The meter whose reading was asked when the photo came. */
    serialNumber: p.string(),
    submittedAt: p.datetime(),
    fileId: p.string().length(22),
    name: p.string(),
    mime: p.string(),
    size: p.integer(),
  },
});
