import type { MikroORM } from '@mikro-orm/core';
import type { Mail, MailOutbox } from '../../core/ports';
import { QueuedMail } from '../entities';
import { claimDue, markFailed, markGaveUp, markSent } from './outbox-table';

export interface DueMail extends Mail {
  readonly id: number;
  readonly attempts: number;
}

export class SqlMailQueue implements MailOutbox {
  constructor(
    private readonly orm: MikroORM,
    private readonly clock: () => Date = () => new Date(),
  ) {}

  async enqueue(mail: Mail): Promise<void> {
    const now = this.clock();
    await this.orm.em.fork().insert(QueuedMail, { recipient: mail.to, subject: mail.subject, body: mail.text, queuedAt: now, nextAttemptAt: now });
  }

  async claimDue(limit: number, leaseMs: number): Promise<DueMail[]> {
    const rows = await claimDue(this.orm.em.fork(), QueuedMail, this.clock(), limit, leaseMs);
    return rows.map((row) => ({ id: row.id, to: row.recipient, subject: row.subject, text: row.body, attempts: row.attempts }));
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
