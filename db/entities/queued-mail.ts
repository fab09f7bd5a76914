import { defineEntity, p } from '@mikro-orm/core';
import type { AttachmentRef } from '../../core/kernel/attachment';

/** Mail waits here until delivered, so a restart or a slow SMTP server loses none. */
export const QueuedMail = defineEntity({
  name: 'QueuedMail',
  properties: {
    id: p.integer().primary().autoincrement(),
    recipient: p.string(),
    /** The recipient is the e-receipt address of the receipt's account at sending time; `recipient` was it at queueing. */
    toEReceiptAddress: p.boolean().default(false),
    subject: p.string(),
    body: p.text(),
    /** Links shown as buttons under the text (`[{ label, url }]`). */
    links: p.json<{ label: string; url: string }[]>().nullable(),
    /** A receipt attached to it (`account`/`period`), issued when the mail is sent. */
    receiptAccount: p.string().length(12).nullable(),
    receiptPeriod: p.string().length(7).nullable(),
    /** Files of an appeal attached to it, read from `appeal_file` when it is sent. */
    attachments: p.json<readonly AttachmentRef[]>().nullable(),
    /** The appeal a mail to the appeals mailbox is about, and whether it opens its thread. */
    appealThread: p.json<{ number: string; first: boolean }>().nullable(),
    /** Set when the same mail must never be queued twice (a month's e-receipt): unique. */
    dedupeKey: p.string().nullable().unique(),
    queuedAt: p.datetime(),
    nextAttemptAt: p.datetime().index(),
    attempts: p.integer().default(0),
    sentAt: p.datetime().nullable(),
    /** The mail server refused it for good (no such mailbox): not tried again. */
    gaveUpAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
  },
});
