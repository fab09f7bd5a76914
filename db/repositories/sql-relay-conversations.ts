import type { MikroORM } from '@mikro-orm/core';
import type { DirectLineConversation, DirectLineConversations } from '../../core/runner/channel-state-ports';
import { RelayActivity, RelayConversation } from '../entities';

/** The embedded Direct Line relay's conversations and their activities. */
export class SqlRelayConversations implements DirectLineConversations {
  constructor(private readonly orm: MikroORM) {}

  async create(conversation: DirectLineConversation, startedAt: Date): Promise<void> {
    await this.orm.em.fork().insert(RelayConversation, { ...conversation, startedAt });
  }

  async find(id: string): Promise<DirectLineConversation | null> {
    return this.orm.em.fork().findOne(RelayConversation, { id });
  }

  async findByToken(tokenHash: string): Promise<DirectLineConversation | null> {
    return this.orm.em.fork().findOne(RelayConversation, { tokenHash });
  }

  async renewToken(id: string, tokenHash: string, tokenExpiresAt: Date): Promise<void> {
    await this.orm.em.fork().nativeUpdate(RelayConversation, { id }, { tokenHash, tokenExpiresAt });
  }

  async append(conversationId: string, seq: number, activity: Record<string, unknown>): Promise<void> {
    await this.orm.em.fork().insert(RelayActivity, { conversationId, seq, activity });
  }

  /** The number the next activity gets. */
  async nextSeq(conversationId: string): Promise<number> {
    const [last] = await this.orm.em.fork().find(RelayActivity, { conversationId }, { orderBy: { seq: 'desc' }, limit: 1, fields: ['seq'] });
    return last ? last.seq + 1 : 0;
  }

  /** Keeps a conversation's latest activities only. */
  async trim(conversationId: string, fromSeq: number): Promise<void> {
    await this.orm.em.fork().nativeDelete(RelayActivity, { conversationId, seq: { $lt: fromSeq } });
  }

  async activities(conversationId: string, fromSeq: number): Promise<Record<string, unknown>[]> {
    const rows = await this.orm.em.fork().find(RelayActivity, { conversationId, seq: { $gte: fromSeq } }, { orderBy: { seq: 'asc' } });
    return rows.map((row) => row.activity);
  }

  /** Forgets conversations past their keeping time, with their activities. */
  async sweep(now: Date): Promise<void> {
    const em = this.orm.em.fork();
    const gone = await em.find(RelayConversation, { keptUntil: { $lt: now } }, { fields: ['id'] });
    if (gone.length === 0) return;
    const ids = gone.map((row) => row.id);
    await em.nativeDelete(RelayActivity, { conversationId: { $in: ids } });
    await em.nativeDelete(RelayConversation, { id: { $in: ids } });
  }
}
