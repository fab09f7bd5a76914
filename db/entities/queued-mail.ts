import { defineEntity, p } from '@mikro-orm/core';

/** Mail waits here until delivered, so a restart or a slow SMTP server loses none. */
export const QueuedMail = defineEntity({
  name: 'QueuedMail',
  properties: {
    id: p.integer().primary().autoincrement(),
    recipient: p.string(),
    subject: p.string(),
    body: p.text(),
    queuedAt: p.datetime(),
    nextAttemptAt: p.datetime().index(),
    attempts: p.integer().default(0),
    sentAt: p.datetime().nullable(),
    /** The mail server refused it for good (no such mailbox): not tried again. */
    gaveUpAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
  },
});
