import { mkdir, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import nodemailer from 'nodemailer';
import type { FailureVerdict, Mail } from '../../../core/features/outbox/ports';
import { escapeHtml } from '../../../core/kernel/html';
import type { AppealReplyAddresses } from './appeal-reply-addresses';

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

/** A file to attach: the receipt PDF a mail names, issued when the mail goes out. */
export type MailAttachments = (mail: Mail) => Promise<{ readonly filename: string; readonly content: Buffer; readonly contentType?: string }[]>;

/** SMTP when configured; otherwise each message becomes an `.eml` file in the outbox folder. */
export function createMailSender(
  options: { smtpUrl: string | undefined; from: string; outboxDir: string },
  attachments: MailAttachments = async () => [],
  /** Appeal mails carry a reply address that names the appeal, and one thread's `Message-ID`s. */
  appealThreads?: AppealReplyAddresses,
): MailSender {
  const thread = async (mail: Mail) => {
    if (!mail.appealThread || !appealThreads) return {};
    const root = appealThreads.threadId(mail.appealThread.number);
    return {
      replyTo: await appealThreads.address(mail.appealThread.number),
      ...(mail.appealThread.first ? { messageId: root } : { inReplyTo: root, references: [root] }),
    };
  };
  const message = async (mail: Mail) => ({
    from: options.from,
    to: mail.to,
    ...(await thread(mail)),
    subject: mail.subject,
    text: mail.links?.length ? `${mail.text}\n\n${mail.links.map((link) => `${link.label}: ${link.url}`).join('\n')}` : mail.text,
    ...(mail.links?.length && { html: withButtons(mail.text, mail.links) }),
    attachments: await attachments(mail),
  });
  if (options.smtpUrl) {
    // A server that does not answer fails the send within seconds; the outbox retries it later.
    const transport = nodemailer.createTransport({ url: options.smtpUrl, connectionTimeout: 10_000, greetingTimeout: 10_000, socketTimeout: 20_000 });
    return {
      async send(mail) {
        await transport.sendMail(await message(mail));
      },
    };
  }
  const transport = nodemailer.createTransport({ streamTransport: true, buffer: true, newline: 'unix' });
  return {
    async send(mail) {
      const info = await transport.sendMail(await message(mail));
      await mkdir(options.outboxDir, { recursive: true });
      const name = `${new Date().toISOString().replace(/[:.]/g, '-')}-${info.messageId.replace(/[^\w.-]/g, '')}.eml`;
      await writeFile(join(options.outboxDir, name), info.message as Buffer);
    },
  };
}

/** The text as HTML paragraphs, every value escaped, and the links as buttons under it. */
function withButtons(text: string, links: NonNullable<Mail['links']>): string {
  const paragraphs = text.split(/\n{2,}/).map((part) => `<p>${escapeHtml(part).replace(/\n/g, '<br>')}</p>`);
  const buttons = links.map(
    (link) =>
      `<a href="${escapeHtml(link.url)}" style="display:inline-block;margin:4px 8px 4px 0;padding:10px 18px;background:#00589c;color:#ffffff;text-decoration:none;border-radius:6px">${escapeHtml(link.label)}</a>`,
  );
  return `<!doctype html><html><body style="font-family:Arial,sans-serif">${paragraphs.join('')}<p>${buttons.join('')}</p></body></html>`;
}
