import { defineEntity, p } from '@mikro-orm/core';
import type { TaskButton } from '../../core/kernel/actions';
import type { AttachmentRef } from '../../core/kernel/attachment';
import type { TextArg } from '../../core/kernel/text';

/**
 * A message the bot sends into a chat on its own (an operator's answer, a payment result, readings
 * accepted): kept here until delivered, so a restart or a busy platform loses none. The text is
 * a message id with arguments, put into words in the chat's language when it is sent.
 */
export const ChatPush = defineEntity({
  name: 'ChatPush',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    chatId: p.string(),
    messageKey: p.string(),
    messageArgs: p.json<Record<string, TextArg>>(),
    /** A receipt sent with it (`account`/`period`), issued in the chat's language when it is sent. */
    receiptAccount: p.string().length(12).nullable(),
    receiptPeriod: p.string().length(7).nullable(),
    /** Task buttons under it (`{ label, data }`, the label a message id with arguments). */
    buttons: p.json<TaskButton[]>().nullable(),
    /** Files sent after it (an operator's attachments), read from `appeal_file` when it is sent. */
    files: p.json<AttachmentRef[]>().nullable(),
    /** Set when the same push must never be queued twice (a month's receipt to a chat): unique. */
    dedupeKey: p.string().nullable().unique(),
    /** The broadcast it went out in (`interruption:12:1`, `reminder:readings:2027-01`): who was told, and the counts the desk shows. */
    broadcast: p.string().nullable().index(),
    /** Not sent after this (a reminder, at 21:00): taken out unsent when claimed later, so that the next day's run may queue it again. */
    notAfter: p.datetime().nullable(),
    queuedAt: p.datetime(),
    nextAttemptAt: p.datetime().index(),
    attempts: p.integer().default(0),
    /** How many of its messages (the text, each file) reached the chat: a retry goes on from there. */
    partsSent: p.integer().default(0),
    sentAt: p.datetime().nullable(),
    /** The chat will never take it (it blocked the bot, its conversation is gone): not tried again. */
    gaveUpAt: p.datetime().nullable(),
    lastError: p.text().nullable(),
  },
  // A chat's pushes go in order: claiming one asks whether an earlier one of the chat still waits.
  indexes: [{ properties: ['channel', 'chatId', 'id'] }],
});
