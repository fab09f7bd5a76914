import type { InferEntity, MikroORM } from '@mikro-orm/core';
import {
  appealNumber,
  isAppealTopic,
  type AppealDraft,
  type AppealMessage,
  type AppealStatus,
  type CompleteDraft,
  type FiledAppeal,
} from '../../core/features/appeals/appeal';
import { isChatChannel, type ChatAddress } from '../../core/kernel/channel';
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
        email: draft.email,
        phone: draft.phone,
        message: draft.message,
        attachments: draft.attachments,
        ...byChat(chat),
        locale,
        status: 'received',
        filedAt: at,
      };
      if (await insertOnce(em, Appeal, row)) return { ...draft, number, chat, locale, status: 'received', filedAt: at.toISOString() };
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
    const messages = await em.find(MessageRow, { appeal: row.id }, { orderBy: { at: 'asc', id: 'asc' } });
    return {
      appeal,
      messages: messages.map((message) => ({
        from: message.author === 'operator' ? 'operator' : 'customer',
        text: message.text,
        at: message.at.toISOString(),
        files: message.files,
      })),
    };
  }

  async addMessage(number: string, message: AppealMessage & { key?: string }): Promise<boolean> {
    const em = this.orm.em.fork();
    const appeal = await em.findOne(Appeal, { number }, { fields: ['id'] });
    if (!appeal) return false;
    const added = await insertOnce(em, MessageRow, {
      appeal: appeal.id,
      author: message.from,
      text: message.text,
      files: message.files ?? [],
      at: new Date(message.at),
      idempotencyKey: message.key ?? null,
    });
    if (added) {
      // An answer moves it to «answered»; the customer writing again puts it back in the queue.
      const status = message.from === 'operator' ? { status: 'answered', answeredAt: new Date(message.at) } : { status: 'received' };
      await em.nativeUpdate(Appeal, { id: appeal.id, status: { $ne: 'closed' } }, status);
    }
    return added;
  }

  async close(number: string, at: Date): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(Appeal, { number, status: { $ne: 'closed' } }, { status: 'closed', closedAt: at })) === 1;
  }

  async list(status: AppealStatus | null): Promise<FiledAppeal[]> {
    const rows = await this.orm.em.fork().find(Appeal, status ? { status } : {}, { orderBy: { filedAt: 'asc', id: 'asc' }, limit: 500 });
    return rows.flatMap(filed);
  }

  async takeOverdue(filedBefore: Date, at: Date): Promise<FiledAppeal[]> {
    const em = this.orm.em.fork();
    const rows = await em.find(Appeal, { status: 'received', alertedAt: null, filedAt: { $lt: filedBefore } }, { orderBy: { filedAt: 'asc' }, limit: 100 });
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
    },
  ];
}
