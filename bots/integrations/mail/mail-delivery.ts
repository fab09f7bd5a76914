import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { Mail } from '../../../core/ports';
import type { FailureVerdict } from '../../delivery/queue-delivery';

/** One message may take this long to hand to the SMTP server. */
export const mailSendTimeoutMs = 30_000;

/** An SMTP `5xx` is the server's final word on that message (no such mailbox): it is not tried again. */
export function mailVerdict(error: unknown): FailureVerdict {
  const code = (error as { responseCode?: unknown } | null)?.responseCode;
  return typeof code === 'number' && code >= 500 && code < 600 ? { gone: true } : {};
}

export interface MailSender {
  send(mail: Mail): Promise<void>;
}

/** SMTP when configured; otherwise each message becomes an `.eml` file in the outbox folder. */
export function createMailSender(options: { smtpUrl: string | undefined; from: string; outboxDir: string }): MailSender {
  if (options.smtpUrl) {
    // A server that does not answer fails the send within seconds; the outbox retries it later.
    const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
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
