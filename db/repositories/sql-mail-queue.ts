import type { MikroORM } from '@mikro-orm/core';
import type { Mail, MailOutbox } from '../../core/ports';
import { QueuedMail } from '../entities';

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
    await this.orm.em.fork().insert(QueuedMail, {
      recipient: mail.to,
      subject: mail.subject,
      body: mail.text,
      queuedAt: now,
      nextAttemptAt: now,
    });
  }

  /**
   * Claims mail that is due: each row's next attempt moves past `leaseMs` first, so another
   * process polling the same queue skips it, and a crash mid-send only delays it.
   */
  async claimDue(limit: number, leaseMs: number): Promise<DueMail[]> {
    const em = this.orm.em.fork();
    const now = this.clock();
    const rows = await em.find(QueuedMail, { sentAt: null, nextAttemptAt: { $lte: now } }, { orderBy: { id: 'asc' }, limit });
    const claimed: DueMail[] = [];
    for (const row of rows) {
      const won = await em.nativeUpdate(
        QueuedMail,
        { id: row.id, nextAttemptAt: row.nextAttemptAt, sentAt: null },
        { nextAttemptAt: new Date(now.getTime() + leaseMs) },
      );
      if (won === 1) claimed.push({ id: row.id, to: row.recipient, subject: row.subject, text: row.body, attempts: row.attempts });
    }
    return claimed;
  }

  async markSent(id: number): Promise<void> {
    await this.orm.em.fork().nativeUpdate(QueuedMail, { id }, { sentAt: this.clock() });
  }

  async markFailed(id: number, error: string, retryAt: Date): Promise<void> {
    const em = this.orm.em.fork();
    const row = await em.findOneOrFail(QueuedMail, { id });
    row.attempts += 1;
    row.lastError = error.slice(0, 2000);
    row.nextAttemptAt = retryAt;
    await em.flush();
  }
}
