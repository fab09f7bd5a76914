import type { InferEntity, MikroORM } from '@mikro-orm/core';
import {
  answerRoutes,
  appealNumber,
  type AnswerRoute,
  isAppealTopic,
  type AppealDraft,
  type AppealMessage,
  type AppealStatus,
  type CompleteDraft,
  type FiledAppeal,
} from '../../core/features/appeals/appeal';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import { appealOrder, foldedName, type AppealFilter, type AppealPage, type AppealSearchText } from '../../core/features/appeals/appeal-search';
import type { AppealTally } from '../../core/features/appeals/appeal-statistics';
import type { FilterQuery } from '@mikro-orm/core';
import { isLocale } from '../../core/kernel/locale';
import type { Appeals } from '../../core/features/appeals/ports';
import { Appeal, AppealDraft as DraftRow, AppealMessage as MessageRow } from '../entities';
import { insertOnce } from './insert-once';

type AppealRow = InferEntity<typeof Appeal>;

const byChat = (chat: ChatAddress) => ({ channel: chat.channel, chatId: chat.id });
const isStatus = (value: string): value is AppealStatus => value === 'received' || value === 'answered' || value === 'closed';

export class SqlAppeals implements Appeals {
  constructor(private readonly orm: MikroORM) {}

  async file({
    draft,
    chat,
    locale,
    at,
    year,
  }: {
    draft: CompleteDraft;
    chat: ChatAddress;
    locale: FiledAppeal['locale'];
    at: Date;
    year: number;
  }): Promise<FiledAppeal> {
    // The year's next number; two appeals filed at once both try it, and the loser takes the next.
    for (;;) {
      const em = this.orm.em.fork();
      const last = await em.findOne(Appeal, { year }, { orderBy: { sequence: 'desc' }, fields: ['sequence'] });
      const sequence = (last?.sequence ?? 0) + 1;
      const number = appealNumber(year, sequence);
      const row = {
        number,
        year,
        sequence,
        topic: draft.topic,
        appellant: draft.appellant,
        name: draft.name,
        searchName: foldedName(draft.name),
        account: draft.appellant.kind === 'customer' ? draft.appellant.account : null,
        email: draft.email,
        phone: draft.phone,
        message: draft.message,
        attachments: draft.attachments,
        ...byChat(chat),
        locale,
        status: 'received',
        filedAt: at,
      };
      if (await insertOnce(em, Appeal, row))
        return { ...draft, number, chat, locale, status: 'received', filedAt: at.toISOString(), firstAnsweredAt: null, assignee: null, followUpAt: null };
    }
  }

  async ofChat(chat: ChatAddress, since: Date): Promise<FiledAppeal[]> {
    const rows = await this.orm.em.fork().find(Appeal, { ...byChat(chat), filedAt: { $gte: since } }, { orderBy: { filedAt: 'desc', id: 'desc' } });
    return rows.flatMap(filed);
  }

  async thread(number: string, chat?: ChatAddress): Promise<{ appeal: FiledAppeal; messages: AppealMessage[] } | null> {
    const em = this.orm.em.fork();
    const row = await em.findOne(Appeal, { number, ...(chat && byChat(chat)) });
    const [appeal] = row ? filed(row) : [];
    if (!row || !appeal) return null;
    // The customer's own view of the thread never has the operators' notes in it.
    const messages = await em.find(MessageRow, { appeal: row.id, ...(chat && { author: { $ne: 'note' } }) }, { orderBy: { at: 'asc', id: 'asc' } });
    return { appeal, messages: messages.map(threadMessage) };
  }

  async addMessage(number: string, message: AppealMessage & { key?: string }): Promise<boolean> {
    const em = this.orm.em.fork();
    const appeal = await em.findOne(Appeal, { number }, { fields: ['id'] });
    if (!appeal) return false;
    const added = await insertOnce(em, MessageRow, {
      appeal: appeal.id,
      author: message.from,
      operatorName: message.by?.name ?? null,
      route: message.by?.route ?? null,
      text: message.text,
      files: message.files ?? [],
      at: new Date(message.at),
      idempotencyKey: message.key ?? null,
    });
    if (!added || message.from === 'note') return added;
    const at = new Date(message.at);
    if (message.from === 'customer') {
      // Written to after an answer: back in the queue, marked, waiting since this first unanswered word.
      // Waiting anew: alerted on again when this goes unanswered too long.
      await em.nativeUpdate(Appeal, { id: appeal.id, status: 'answered' }, { status: 'received', followUpAt: at, alertedAt: null });
      return true;
    }
    await em.nativeUpdate(Appeal, { id: appeal.id, status: { $ne: 'closed' } }, { status: 'answered', answeredAt: at, followUpAt: null });
    await em.nativeUpdate(Appeal, { id: appeal.id, firstAnsweredAt: null }, { firstAnsweredAt: at });
    return true;
  }

  async close(number: string, at: Date): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(Appeal, { number, status: { $ne: 'closed' } }, { status: 'closed', closedAt: at, followUpAt: null })) === 1;
  }

  async reopen(number: string): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(Appeal, { number, status: 'closed' }, { status: 'received', closedAt: null, alertedAt: null })) === 1;
  }

  async search(filter: AppealFilter, page: AppealPage): Promise<{ appeals: FiledAppeal[]; total: number }> {
    const em = this.orm.em.fork();
    const where = whereOf(filter);
    const order = appealOrder(filter) === 'oldest' ? 'asc' : 'desc';
    const [rows, total] = await em.findAndCount(Appeal, where, {
      orderBy: { filedAt: order, id: order },
      limit: page.perPage,
      offset: (page.page - 1) * page.perPage,
    });
    return { appeals: rows.flatMap(filed), total };
  }

  async count(filter: AppealFilter): Promise<number> {
    return this.orm.em.fork().count(Appeal, whereOf(filter));
  }

  async take(number: string, login: string): Promise<string | null> {
    const em = this.orm.em.fork();
    // Two operators taking it at once: one update finds it free, the other reads who won.
    await em.nativeUpdate(Appeal, { number, assignee: null }, { assignee: login });
    return (await em.findOne(Appeal, { number }, { fields: ['assignee'] }))?.assignee ?? null;
  }

  async release(number: string, login: string): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(Appeal, { number, assignee: login }, { assignee: null })) === 1;
  }

  async tally(since: Date, overdueBefore: Date): Promise<AppealTally> {
    const em = this.orm.em.fork();
    const [rows, overdue] = await Promise.all([
      em.find(Appeal, { filedAt: { $gte: since } }, { fields: ['status', 'topic', 'filedAt', 'firstAnsweredAt'] }),
      em.count(Appeal, whereOf({ status: 'received', waitingBefore: overdueBefore })),
    ]);
    const byStatus = { received: 0, answered: 0, closed: 0 };
    const byTopic: Partial<Record<string, number>> = {};
    const firstAnswerMs: number[] = [];
    for (const row of rows) {
      if (isStatus(row.status)) byStatus[row.status] += 1;
      byTopic[row.topic] = (byTopic[row.topic] ?? 0) + 1;
      if (row.firstAnsweredAt) firstAnswerMs.push(row.firstAnsweredAt.getTime() - row.filedAt.getTime());
    }
    return { byStatus, byTopic, firstAnswerMs, overdue };
  }

  async takeOverdue(filedBefore: Date, at: Date): Promise<FiledAppeal[]> {
    const em = this.orm.em.fork();
    // Waiting as the statistics count it: since it was filed, or since the customer wrote again after an answer.
    const rows = await em.find(
      Appeal,
      { $and: [{ alertedAt: null }, whereOf({ status: 'received', waitingBefore: filedBefore })] },
      { orderBy: { filedAt: 'asc' }, limit: 100 },
    );
    const taken: FiledAppeal[] = [];
    // Marked one by one, each only if no other instance marked it first.
    for (const row of rows) if ((await em.nativeUpdate(Appeal, { id: row.id, alertedAt: null }, { alertedAt: at })) === 1) taken.push(...filed(row));
    return taken;
  }

  async saveDraft(chat: ChatAddress, draft: AppealDraft, at: Date): Promise<void> {
    const em = this.orm.em.fork();
    const saved = { draft: { ...draft } as Record<string, unknown>, savedAt: at };
    if (!(await insertOnce(em, DraftRow, { ...byChat(chat), ...saved }))) await em.nativeUpdate(DraftRow, byChat(chat), saved);
  }

  async draft(chat: ChatAddress): Promise<{ draft: AppealDraft; savedAt: string } | null> {
    const row = await this.orm.em.fork().findOne(DraftRow, byChat(chat));
    return row && { draft: row.draft, savedAt: row.savedAt.toISOString() };
  }

  async dropDraft(chat: ChatAddress): Promise<void> {
    await this.orm.em.fork().nativeDelete(DraftRow, byChat(chat));
  }
}

const textWhere = (text: AppealSearchText): FilterQuery<AppealRow> => {
  switch (text.kind) {
    case 'number':
      return { number: text.number };
    case 'account':
      return { account: text.account };
    case 'phone':
      return { phone: text.phone };
    case 'email':
      // Kept in lower case as the customer gave it: the whole address, as in the mail client.
      return { email: text.email };
    case 'name':
      return { searchName: { $like: `%${text.name}%` } };
  }
};

function whereOf(filter: AppealFilter & { readonly waitingBefore?: Date }): FilterQuery<AppealRow> {
  const all: FilterQuery<AppealRow>[] = [];
  if (filter.text) all.push(textWhere(filter.text));
  if (filter.status) all.push({ status: filter.status });
  if (filter.topic) all.push({ topic: filter.topic });
  if (filter.channel) all.push({ channel: filter.channel });
  if (filter.filedBefore) all.push({ filedAt: { $lt: filter.filedBefore } });
  if (filter.assignee !== undefined) all.push({ assignee: filter.assignee });
  if (filter.followUp) all.push({ followUpAt: { $ne: null } });
  // Waiting since it was filed, or since the customer wrote again after an answer (`waitingSince`).
  if (filter.waitingBefore) all.push({ $or: [{ followUpAt: null, filedAt: { $lt: filter.waitingBefore } }, { followUpAt: { $lt: filter.waitingBefore } }] });
  return all.length === 0 ? {} : { $and: all };
}

const isRoute = (value: string | null): value is AnswerRoute => value !== null && (answerRoutes as readonly string[]).includes(value);

function threadMessage(row: InferEntity<typeof MessageRow>): AppealMessage {
  const from = row.author === 'operator' || row.author === 'note' ? row.author : 'customer';
  const name = row.operatorName;
  const route = row.route ?? null;
  const by = from !== 'customer' && typeof name === 'string' && isRoute(route) ? { name, route } : undefined;
  return { from, text: row.text, at: row.at.toISOString(), files: row.files, ...(by && { by }) };
}

function filed(row: AppealRow): FiledAppeal[] {
  if (!isChatChannel(row.channel) || !isLocale(row.locale) || !isAppealTopic(row.topic) || !isStatus(row.status)) return [];
  return [
    {
      number: row.number,
      topic: row.topic,
      appellant: row.appellant,
      name: row.name,
      email: row.email,
      phone: row.phone ?? null,
      message: row.message,
      attachments: row.attachments,
      chat: { channel: row.channel, id: row.chatId },
      locale: row.locale,
      status: row.status,
      filedAt: row.filedAt.toISOString(),
      firstAnsweredAt: row.firstAnsweredAt?.toISOString() ?? null,
      assignee: row.assignee ?? null,
      followUpAt: row.followUpAt?.toISOString() ?? null,
    },
  ];
}
