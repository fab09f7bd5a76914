import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mail } from '../../core/ports';
import type { SqlMailQueue } from '../../db/repositories/sql-mail-queue';
import { errorFields, type Log } from '../log';

export interface MailSender {
  send(mail: Mail): Promise<void>;
}

/** SMTP when configured; otherwise each message becomes an `.eml` file in the outbox folder. */
export function createMailSender(options: { smtpUrl: string | undefined; from: string; outboxDir: string }): MailSender {
  if (options.smtpUrl) {
    const transport = nodemailer.createTransport(options.smtpUrl);
    return {
      async send(mail) {
        await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail({ from: options.from, to: mail.to, subject: mail.subject, text: mail.text });
      await mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`;
      await writeFile(join(options.outboxDir, name), info.message as Buffer);
    },
  };
}

const retryDelaysMs = [60_000, 5 * 60_000, 30 * 60_000, 2 * 3600_000];
const leaseMs = 5 * 60_000;

/** Sends queued mail in the background, with retries that back off, until `stop`. */
export class MailDelivery {
  private timer: NodeJS.Timeout | undefined;
  private running: Promise<unknown> = Promise.resolve();

  constructor(
    private readonly queue: SqlMailQueue,
    private readonly sender: MailSender,
    private readonly log: Log,
  ) {}

  start(intervalMs: number): void {
    this.timer = setInterval(() => {
      this.running = this.running.then(() => this.deliverDue());
    }, intervalMs);
  }

  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.running;
  }

  async deliverDue(): Promise<number> {
    let sent = 0;
    try {
      for (const mail of await this.queue.claimDue(20, leaseMs)) {
        try {
          await this.sender.send(mail);
          await this.queue.markSent(mail.id);
          sent += 1;
        } catch (error) {
          const delay = retryDelaysMs[Math.min(mail.attempts, retryDelaysMs.length - 1)] as number;
          await this.queue.markFailed(mail.id, String(error), new Date(Date.now() + delay));
          this.log.warn('mail not sent, will retry', { mailId: mail.id, ...errorFields(error) });
        }
      }
    } catch (error) {
      this.log.error('mail queue unavailable', errorFields(error));
    }
    return sent;
  }
}
