import type { InferEntity, MikroORM } from '@mikro-orm/core';
import { chatKey, isChatChannel, type ChatAddress } from '../../core/kernel/channel';
import { isLocale, type Locale } from '../../core/kernel/locale';
import type { LiveChat as Live, LiveChats, LiveChatStatus, LiveMessage as Message } from '../../core/features/live-chat/ports';
import { LiveChat, LiveMessage, OperatorDuty } from '../entities';
import { insertOnce } from './insert-once';

type LiveRow = InferEntity<typeof LiveChat>;

const statuses: readonly string[] = ['waiting', 'talking', 'ended'] satisfies LiveChatStatus[];

export class SqlLiveChats implements LiveChats {
  constructor(private readonly orm: MikroORM) {}

  async join(chat: ChatAddress, locale: Locale, at: Date): Promise<Live> {
    // Two updates of one chat at once (or two instances) open one conversation: the open key is unique.
    for (;;) {
      const open = await this.openOf(chat);
      if (open) return open;
      const em = this.orm.em.fork();
      const row = { channel: chat.channel, chatId: chat.id, locale, status: 'waiting', openKey: chatKey(chat), queuedAt: at };
      if (await insertOnce(em, LiveChat, row)) {
        const joined = await this.openOf(chat);
        if (joined) return joined;
      }
    }
  }

  async openOf(chat: ChatAddress): Promise<Live | null> {
    const row = await this.orm.em.fork().findOne(LiveChat, { openKey: chatKey(chat) });
    return row && live(row);
  }

  async get(id: number): Promise<Live | null> {
    const row = await this.orm.em.fork().findOne(LiveChat, { id });
    return row && live(row);
  }

  async queue(): Promise<Live[]> {
    const rows = await this.orm.em.fork().find(LiveChat, { status: 'waiting' }, { orderBy: { queuedAt: 'asc', id: 'asc' } });
    return rows.flatMap((row) => live(row) ?? []);
  }

  async talking(operator: string): Promise<Live[]> {
    const rows = await this.orm.em.fork().find(LiveChat, { status: 'talking', operator }, { orderBy: { takenAt: 'asc', id: 'asc' } });
    return rows.flatMap((row) => live(row) ?? []);
  }

  async take(id: number, operator: string, at: Date): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(LiveChat, { id, status: 'waiting' }, { status: 'talking', operator, takenAt: at })) === 1;
  }

  async end(id: number, by: 'customer' | 'operator', at: Date): Promise<boolean> {
    const ended = { status: 'ended', openKey: null, endedAt: at, endedBy: by };
    return (await this.orm.em.fork().nativeUpdate(LiveChat, { id, status: { $ne: 'ended' } }, ended)) === 1;
  }

  async letGo(id: number, at: Date): Promise<boolean> {
    const ended = { status: 'ended', openKey: null, endedAt: at, endedBy: 'nobody' };
    return (await this.orm.em.fork().nativeUpdate(LiveChat, { id, status: 'waiting' }, ended)) === 1;
  }

  async add(id: number, message: Omit<Message, 'id'> & { readonly key: string }): Promise<'added' | 'repeated' | 'over'> {
    const em = this.orm.em.fork();
    const current = await em.findOne(LiveChat, { id }, { fields: ['status'] });
    if (!current || current.status === 'ended') return 'over';
    const row = {
      liveChat: id,
      author: message.from,
      operator: message.operator,
      text: message.text,
      files: message.files,
      at: new Date(message.at),
      idempotencyKey: message.key,
    };
    if (!(await insertOnce(em, LiveMessage, row))) return 'repeated';
    // Ended between the look and the insert: the message is over too, so its sender keeps it (an appeal, the desk's form).
    const after = await em.findOne(LiveChat, { id }, { fields: ['status'] });
    return after?.status === 'ended' ? 'over' : 'added';
  }

  async count(id: number): Promise<number> {
    return this.orm.em.fork().count(LiveMessage, { liveChat: id });
  }

  async messages(id: number, after: number): Promise<Message[]> {
    const rows = await this.orm.em.fork().find(LiveMessage, { liveChat: id, id: { $gt: after } }, { orderBy: { id: 'asc' }, limit: 500 });
    return rows.map(message);
  }

  async firstMessages(ids: readonly number[]): Promise<ReadonlyMap<number, Message>> {
    if (ids.length === 0) return new Map();
    // A waiting chat has said a few words at most: its messages, oldest first, the first of each kept.
    const rows = await this.orm.em.fork().find(LiveMessage, { liveChat: { $in: [...ids] } }, { orderBy: { id: 'desc' }, limit: 5000 });
    return new Map(rows.map((row) => [row.liveChat.id, message(row)] as const));
  }

  async tellPosition(id: number, position: number): Promise<boolean> {
    const em = this.orm.em.fork();
    // Only forward: two instances telling from two moments of the queue never tell a place behind one told.
    const changed = await em.nativeUpdate(
      LiveChat,
      { id, status: 'waiting', $or: [{ toldPosition: null }, { toldPosition: { $gt: position } }] },
      { toldPosition: position },
    );
    return changed === 1;
  }

  async onDuty(operator: string, at: Date): Promise<void> {
    const em = this.orm.em.fork();
    if (!(await insertOnce(em, OperatorDuty, { login: operator, seenAt: at }))) await em.nativeUpdate(OperatorDuty, { login: operator }, { seenAt: at });
  }

  async operatorsOnDuty(since: Date): Promise<number> {
    return this.orm.em.fork().count(OperatorDuty, { seenAt: { $gte: since } });
  }

  async recentTalkMinutes(limit: number): Promise<number[]> {
    const rows = await this.orm.em
      .fork()
      .find(LiveChat, { status: 'ended', takenAt: { $ne: null } }, { orderBy: { endedAt: 'desc' }, limit, fields: ['takenAt', 'endedAt'] });
    return rows.flatMap((row) => (row.takenAt && row.endedAt ? [(row.endedAt.getTime() - row.takenAt.getTime()) / 60_000] : []));
  }
}

function message(row: InferEntity<typeof LiveMessage>): Message {
  return {
    id: row.id,
    from: row.author === 'operator' ? 'operator' : 'customer',
    text: row.text,
    files: row.files,
    at: row.at.toISOString(),
    operator: row.operator ?? null,
  };
}

function live(row: LiveRow): Live | null {
  if (!isChatChannel(row.channel) || !isLocale(row.locale) || !statuses.includes(row.status)) return null;
  return {
    id: row.id,
    chat: { channel: row.channel, id: row.chatId },
    locale: row.locale,
    status: row.status as LiveChatStatus,
    operator: row.operator ?? null,
    queuedAt: row.queuedAt.toISOString(),
    takenAt: row.takenAt?.toISOString() ?? null,
    endedAt: row.endedAt?.toISOString() ?? null,
    endedBy: row.endedBy === 'customer' || row.endedBy === 'operator' || row.endedBy === 'nobody' ? row.endedBy : null,
  };
}
