import { defineEntity, p } from '@mikro-orm/core';
import type { Appellant } from '../../core/features/appeals/appeal';
import type { AttachmentRef } from '../../core/kernel/attachment';

/** «Обращение в компанию»: what the customer filed, from which chat, and where it stands. */
export const Appeal = defineEntity({
  name: 'Appeal',
  properties: {
    id: p.integer().primary().autoincrement(),
    /** «А-2026-000123». */
    number: p.string().unique(),
    year: p.integer(),
    sequence: p.integer(),
    topic: p.string(),
    appellant: p.json<Appellant>(),
    name: p.string(),
    /** The name as the desk's search compares it (`foldedName`). */
    searchName: p.string().default(''),
    /** The customer's account, when the appellant is one: the desk finds appeals by it. */
    account: p.string().nullable().index(),
    email: p.string(),
    phone: p.string().nullable(),
    message: p.text(),
    /** The customer's files with it; their bytes are in `appeal_file`. */
    attachments: p.json<readonly AttachmentRef[]>().default('[]'),
    /** The chat it was filed from: the answer goes back there. */
    channel: p.string(),
    chatId: p.string().index(),
    locale: p.string().length(2),
    /** received, answered or closed. */
    status: p.string().index(),
    filedAt: p.datetime(),
    answeredAt: p.datetime().nullable(),
    /** The first answer, from any route: the statistics' time to answer. */
    firstAnsweredAt: p.datetime().nullable(),
    /** The login of the operator on it. */
    assignee: p.string().nullable().index(),
    /** The customer wrote after the last answer: the desk shows it until it is answered. */
    followUpAt: p.datetime().nullable(),
    closedAt: p.datetime().nullable(),
    /** When the supervisors were told it waits too long for an answer: once per appeal. */
    alertedAt: p.datetime().nullable(),
  },
  uniques: [{ properties: ['year', 'sequence'] }],
});

/** One message of an appeal's thread: the customer's follow-ups and the operator's answers. */
export const AppealMessage = defineEntity({
  name: 'AppealMessage',
  properties: {
    id: p.integer().primary().autoincrement(),
    appeal: () => p.manyToOne(Appeal).index(),
    /** customer, operator, or note (the operators' own, never the customer's to see). */
    author: p.string(),
    /** Who of the operators wrote it, and by which route (desk, api, mail). */
    operatorName: p.string().nullable(),
    route: p.string().nullable(),
    text: p.text(),
    files: p.json<readonly AttachmentRef[]>().default('[]'),
    at: p.datetime(),
    /** The operator's own key for a reply: the same reply posted twice is kept once. */
    idempotencyKey: p.string().nullable().unique(),
  },
});

/** A draft being written in a chat: kept until it is sent or dropped, across restarts and reloads. */
export const AppealDraft = defineEntity({
  name: 'AppealDraft',
  properties: {
    id: p.integer().primary().autoincrement(),
    channel: p.string(),
    chatId: p.string(),
    draft: p.json<Record<string, unknown>>(),
    savedAt: p.datetime(),
  },
  uniques: [{ properties: ['channel', 'chatId'] }],
});

/** An answer the installation's operators give often, by its title. */
export const CannedAnswer = defineEntity({
  name: 'CannedAnswer',
  properties: {
    id: p.integer().primary().autoincrement(),
    title: p.string().unique(),
    text: p.text(),
    savedAt: p.datetime(),
  },
});
