import type { MikroORM } from '@mikro-orm/core';
import { isChatChannel, type ChatChannel } from '../../core/kernel/channel';
import type { AccountNumber } from '../../core/kernel/account-number';
import type { BroadcastTally, Broadcasts, ChatPush as Push, ChatPushes, ChatPushQueues, DeliveryQueue, DuePush } from '../../core/features/outbox/ports';
import type { ChatAddress } from '../../core/kernel/channel';
import { dateColumn, plainQueryOf } from '../plain-query';
import { ChatPush } from '../entities';
import { claimDue, insertNew, markFailed, markSent } from './outbox-table';

export class SqlChatPushes implements ChatPushes, ChatPushQueues, Broadcasts {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async enqueue(pushes: readonly Push[]): Promise<number> {
    const now = this.clock();
    const rows = pushes.map((push) => ({
      channel: push.chat.channel,
      chatId: push.chat.id,
      messageKey: push.message.key,
      messageArgs: { ...push.message.args },
      receiptAccount: push.receipt?.account ?? null,
      receiptPeriod: push.receipt?.period ?? null,
      buttons: push.buttons ? [...push.buttons] : null,
      files: push.files?.length ? [...push.files] : null,
      dedupeKey: push.dedupeKey ?? null,
      broadcast: push.broadcast ?? null,
      notAfter: push.notAfter ?? null,
      queuedAt: now,
      nextAttemptAt: now,
    }));
    return insertNew(this.orm.em.fork(), ChatPush, rows);
  }

  async audienceOf(broadcasts: readonly string[]): Promise<readonly ChatAddress[]> {
    if (broadcasts.length === 0) return [];
    const rows = await plainQueryOf(this.orm).rows(
      `select distinct channel, chat_id from chat_push where broadcast in (${placeholders(broadcasts)}) order by channel, chat_id`,
      broadcasts,
    );
    return rows.flatMap((row) => {
      const channel = String(row['channel']);
      return isChatChannel(channel) ? [{ channel, id: String(row['chat_id']) }] : [];
    });
  }

  async tallies(broadcasts: readonly string[]): Promise<readonly BroadcastTally[]> {
    if (broadcasts.length === 0) return [];
    const rows = await plainQueryOf(this.orm).rows(
      `select broadcast, count(*) as queued, sum(case when sent_at is not null then 1 else 0 end) as delivered,
         sum(case when gave_up_at is not null then 1 else 0 end) as gave_up, min(queued_at) as since
       from chat_push where broadcast in (${placeholders(broadcasts)}) group by broadcast`,
      broadcasts,
    );
    return rows.map((row) => ({
      broadcast: String(row['broadcast']),
      queued: Number(row['queued']),
      delivered: Number(row['delivered']),
      gaveUp: Number(row['gave_up']),
      since: dateColumn(row['since']),
    }));
  }

  async queued(dedupeKeys: readonly string[]): Promise<ReadonlySet<string>> {
    if (dedupeKeys.length === 0) return new Set();
    const rows = await this.orm.em.fork().find(ChatPush, { dedupeKey: { $in: [...dedupeKeys] } }, { fields: ['dedupeKey'] });
    return new Set(rows.flatMap((row) => (row.dedupeKey ? [row.dedupeKey] : [])));
  }

  /** This outbox for one channel only: each channel is worked through on its own, so one platform down never holds another's pushes. */
  forChannel(channel: ChatChannel): DeliveryQueue<DuePush> {
    return {
      claimDue: (limit, leaseMs) => this.claimDue(limit, leaseMs, channel),
      markSent: (id) => this.markSent(id),
      markFailed: (id, error, retryAt) => this.markFailed(id, error, retryAt),
      markGaveUp: (id, error) => this.markGaveUp(id, error),
    };
  }

  /** A chat that will never take a push (it blocked the bot, its conversation is gone) is given up with all that waits for it. */
  async markGaveUp(id: number, error: string): Promise<readonly number[]> {
    const em = this.orm.em.fork();
    const push = await em.findOneOrFail(ChatPush, { id }, { fields: ['channel', 'chatId'] });
    const waiting = { channel: push.channel, chatId: push.chatId, sentAt: null, gaveUpAt: null };
    const ids = (await em.find(ChatPush, waiting, { fields: ['id'] })).map((row) => row.id);
    await em.nativeUpdate(ChatPush, { ...waiting, id: { $in: ids } }, { gaveUpAt: this.clock(), lastError: error.slice(0, 2000) });
    return ids;
  }

  async claimDue(limit: number, leaseMs: number, channel?: ChatChannel): Promise<DuePush[]> {
    const rows = await claimDue(this.orm.em.fork(), ChatPush, this.clock(), limit, leaseMs, channel ? { channel } : {}, ['channel', 'chatId']);
    return rows.flatMap((row) =>
      isChatChannel(row.channel)
        ? [
            {
              id: row.id,
              attempts: row.attempts,
              partsSent: row.partsSent,
              chat: { channel: row.channel, id: row.chatId },
              message: { key: row.messageKey, args: row.messageArgs },
              ...(row.receiptAccount && row.receiptPeriod && { receipt: { account: row.receiptAccount as AccountNumber, period: row.receiptPeriod } }),
              ...(row.buttons && { buttons: row.buttons }),
              ...(row.files && { files: row.files }),
              ...(row.notAfter && { notAfter: row.notAfter }),
            },
          ]
        : [],
    );
  }

  async expired(push: DuePush): Promise<boolean> {
    if (!push.notAfter || push.notAfter >= this.clock() || push.partsSent > 0) return false;
    await this.orm.em.fork().nativeDelete(ChatPush, { id: push.id, sentAt: null });
    return true;
  }

  /** The first `count` messages of the push reached the chat. */
  async markPartsSent(id: number, count: number): Promise<void> {
    await this.orm.em.fork().nativeUpdate(ChatPush, { id }, { partsSent: count });
  }

  markSent(id: number): Promise<void> {
    return markSent(this.orm.em.fork(), ChatPush, id, this.clock());
  }

  markFailed(id: number, error: string, retryAt: Date): Promise<void> {
    return markFailed(this.orm.em.fork(), ChatPush, id, error, retryAt);
  }
}

/** A list's `?, ?, …`: the names are bound, never written into the statement. */
function placeholders(values: readonly unknown[]): string {
  return values.map(() => '?').join(', ');
}
