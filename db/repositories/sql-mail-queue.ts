import type { MikroORM } from '@mikro-orm/core';
import type { Mail, MailOutbox } from '../../core/features/outbox/ports';
import { QueuedMail } from '../entities';
import { claimDue, insertNew, markFailed, markGaveUp, markSent } from './outbox-table';
import type { AccountNumber } from '../../core/kernel/account-number';

export interface DueMail extends Mail {
  readonly id: number;
  readonly attempts: number;
}

export class SqlMailQueue implements MailOutbox {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async enqueue(mail: Mail): Promise<boolean> {
    const now = this.clock();
    const row = {
      recipient: mail.to,
      toEReceiptAddress: mail.toEReceiptAddress ?? false,
      subject: mail.subject,
      body: mail.text,
      links: mail.links ? [...mail.links] : null,
      receiptAccount: mail.receipt?.account ?? null,
      receiptPeriod: mail.receipt?.period ?? null,
      dedupeKey: mail.dedupeKey ?? null,
      appealThread: mail.appealThread ? { ...mail.appealThread } : null,
      attachments: mail.attachments?.length ? [...mail.attachments] : null,
      queuedAt: now,
      nextAttemptAt: now,
    };
    return (await insertNew(this.orm.em.fork(), QueuedMail, [row])) === 1;
  }

  async claimDue(limit: number, leaseMs: number): Promise<DueMail[]> {
    const rows = await claimDue(this.orm.em.fork(), QueuedMail, this.clock(), limit, leaseMs);
    return rows.map((row) => ({
      id: row.id,
      to: row.recipient,
      subject: row.subject,
      text: row.body,
      attempts: row.attempts,
      ...(row.toEReceiptAddress && { toEReceiptAddress: true as const }),
      ...(row.links && { links: row.links }),
      ...(row.appealThread && { appealThread: row.appealThread }),
      ...(row.attachments && { attachments: row.attachments }),
      ...(row.receiptAccount && row.receiptPeriod && { receipt: { account: row.receiptAccount as AccountNumber, period: row.receiptPeriod } }),
    }));
  }

  markSent(id: number): Promise<void> {
    return markSent(this.orm.em.fork(), QueuedMail, id, this.clock());
  }

  markFailed(id: number, error: string, retryAt: Date): Promise<void> {
    return markFailed(this.orm.em.fork(), QueuedMail, id, error, retryAt);
  }

  async markGaveUp(id: number, error: string): Promise<readonly number[]> {
    await markGaveUp(this.orm.em.fork(), QueuedMail, id, error, this.clock());
    return [id];
  }
}
