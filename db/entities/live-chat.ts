import { defineEntity, p } from '@mikro-orm/core';
import type { AttachmentRef } from '../../core/kernel/attachment';

/** A customer's conversation with an operator: waiting in the queue, talking, or ended. */
export const LiveChat = defineEntity({
  name: 'LiveChat',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    chatId: p.string(),
    locale: p.string().length(2),
    /** waiting, talking or ended. */
    status: p.string().index(),
    /** `channel:chatId` while not ended, null after: one open conversation per chat, whichever instance opens it. */
    openKey: p.string().nullable().unique(),
    operator: p.string().nullable().index(),
    queuedAt: p.datetime(),
    takenAt: p.datetime().nullable(),
    endedAt: p.datetime().nullable(),
    endedBy: p.string().nullable(),
    /** The last place in the queue the chat was told: each move is told once. */
    toldPosition: p.integer().nullable(),
  },
});

/** One message of a conversation with an operator, either way. */
export const LiveMessage = defineEntity({
  name: 'LiveMessage',
  properties: {
    id: p.integer().primary().autoincrement(),
    liveChat: () => p.manyToOne(LiveChat).index(),
    author: p.string(),
    operator: p.string().nullable(),
    text: p.text(),
    files: p.json<readonly AttachmentRef[]>().default('[]'),
    at: p.datetime(),
    /** The same message handed over twice (a retried update, a resent form) is kept once. */
    idempotencyKey: p.string().unique(),
  },
});

/** An operator with the desk's conversations open: seen every few seconds while the page is. */
export const OperatorDuty = defineEntity({
  name: 'OperatorDuty',
  properties: {
    login: p.string().primary(),
    seenAt: p.datetime().index(),
  },
});
