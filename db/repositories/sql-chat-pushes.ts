import type { MikroORM } from '@mikro-orm/core';
import { isChatChannel, type ChatAddress } from '../../core/domain/channel';
import type { ChatPush as Push, ChatPushes } from '../../core/ports';
import type { Text } from '../../core/text';
import { ChatPush } from '../entities';
import { claimDue, markFailed, markSent } from './outbox-table';

export interface DuePush {
  readonly id: number;
  readonly attempts: number;
  readonly chat: ChatAddress;
  readonly message: Text;
}

export class SqlChatPushes implements ChatPushes {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async enqueue(pushes: readonly Push[]): Promise<void> {
    if (pushes.length === 0) return;
    const now = this.clock();
    await this.orm.em.fork().insertMany(
      ChatPush,
      pushes.map((push) => ({
        channel: push.chat.channel,
        chatId: push.chat.id,
        messageKey: push.message.key,
        messageArgs: { ...push.message.args },
        queuedAt: now,
        nextAttemptAt: now,
      })),
    );
  }

  async claimDue(limit: number, leaseMs: number): Promise<DuePush[]> {
    const rows = await claimDue(this.orm.em.fork(), ChatPush, this.clock(), limit, leaseMs);
    return rows.flatMap((row) =>
      isChatChannel(row.channel)
        ? [{ id: row.id, attempts: row.attempts, chat: { channel: row.channel, id: row.chatId }, message: { key: row.messageKey, args: row.messageArgs } }]
        : [],
    );
  }

  markSent(id: number): Promise<void> {
    return markSent(this.orm.em.fork(), ChatPush, id, this.clock());
  }

  markFailed(id: number, error: string, retryAt: Date): Promise<void> {
    return markFailed(this.orm.em.fork(), ChatPush, id, error, retryAt);
  }
}
