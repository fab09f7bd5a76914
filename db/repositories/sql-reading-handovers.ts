import type { MikroORM } from '@mikro-orm/core';
import type { DeliveryQueue } from '../../core/features/outbox/ports';
import type { DueHandover, ReadingHandover, ReadingHandovers } from '../../core/features/billing/ports';
import type { SubmitOutcome } from '../../core/features/readings/ports';
import { isZone } from '../../core/features/readings/meter';
import type { AccountNumber } from '../../core/kernel/account-number';
import { isChatChannel } from '../../core/kernel/channel';
import { ReadingHandover as Row } from '../entities';
import { insertOnce } from './insert-once';
import { claimDue, markFailed, markGaveUp, markSent } from './outbox-table';

/** The chat hands readings over itself first; the outbox takes one only once that has had this long. */
const handOverInChatMs = 2 * 60_000;

export class SqlReadingHandovers implements ReadingHandovers, DeliveryQueue<DueHandover> {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async keep(handover: ReadingHandover): Promise<void> {
    await insertOnce(this.orm.em.fork(), Row, {
      key: handover.key,
      accountNumber: handover.account,
      period: handover.period,
      entries: handover.entries.map((entry) => ({ ...entry })),
      channel: handover.chat.channel,
      chatId: handover.chat.id,
      submittedAt: handover.submittedAt,
      nextAttemptAt: new Date(this.clock().getTime() + handOverInChatMs),
    });
  }

  async settle(key: string, outcome: SubmitOutcome, at: Date): Promise<boolean> {
    return (await this.orm.em.fork().nativeUpdate(Row, { key, sentAt: null }, { outcome: { ...outcome }, sentAt: at })) === 1;
  }

  async claimDue(limit: number, leaseMs: number): Promise<DueHandover[]> {
    const rows = await claimDue(this.orm.em.fork(), Row, this.clock(), limit, leaseMs);
    return rows.flatMap((row) =>
      isChatChannel(row.channel)
        ? [
            {
              id: row.id,
              attempts: row.attempts,
              key: row.key,
              account: row.accountNumber as AccountNumber,
              period: row.period,
              entries: row.entries.flatMap((entry) => (isZone(entry.zone) ? [{ ...entry, zone: entry.zone }] : [])),
              chat: { channel: row.channel, id: row.chatId },
              submittedAt: row.submittedAt,
            },
          ]
        : [],
    );
  }

  markSent(id: number): Promise<void> {
    return markSent(this.orm.em.fork(), Row, id, this.clock());
  }

  markFailed(id: number, error: string, retryAt: Date): Promise<void> {
    return markFailed(this.orm.em.fork(), Row, id, error, retryAt);
  }

  async markGaveUp(id: number, error: string): Promise<readonly number[]> {
    await markGaveUp(this.orm.em.fork(), Row, id, error, this.clock());
    return [id];
  }
}
