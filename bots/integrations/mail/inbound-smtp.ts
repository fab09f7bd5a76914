import { createHash } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { errorFields, type Log } from '../../app/log';
import type { AppealReplyAddresses } from './appeal-reply-addresses';
import { replyText } from './reply-text';

/** What energobot reads of a reply; the rest of the mail is not taken. */
const reply = z.object({
  text: z.string().max(200_000).default(''),
  messageId: z.string().max(998).optional(),
  attachments: z
    .array(z.object({ filename: z.string().max(255).optional(), content: z.instanceof(Buffer), contentDisposition: z.string().optional(), related: z.boolean().optional() }))
    .default([]),
});

/** A file of an operator's reply mail. */
export interface MailedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

export interface InboundMail {
  readonly host: string;
  readonly port: number;
  readonly addresses: AppealReplyAddresses;
  /** Makes the reply the operator's answer; throws when it cannot be kept now (the sending server tries again). */
  readonly answer: (number: string, reply: { readonly text: string; readonly key: string; readonly files: readonly MailedFile[] }) => Promise<unknown>;
  readonly log: Log;
}

/**
 * The SMTP listener the supplier's mail server relays operators' replies to. A recipient is
 * taken only when its address names an appeal with a valid signature; anything else is refused
 * at `RCPT TO`. The reply's own words (without the quoted history) and its attached files become
 * the operator's answer, once per `Message-ID`; pictures of a signature (inline) are not files.
 */
export async function startInboundSmtp(options: InboundMail): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    banner: 'energobot appeals',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: 25 * 1024 * 1024,
    // A stop does not wait on a slow mail server: what it was sending is retried by it.
    closeTimeout: 2_000,
    onRcptTo(address, _session, callback) {
      options.addresses.numberOf(address.address).then(
        (number) => callback(number ? undefined : Object.assign(new Error('No such appeal address'), { responseCode: 550 })),
        (error: unknown) => callback(Object.assign(new Error('Try again later'), { responseCode: 451, cause: error })),
      );
    },
    onData(stream, session, callback) {
      void (async () => {
        const parsed = reply.parse(await simpleParser(stream));
        const words = replyText(parsed.text);
        const files = parsed.attachments.filter((file) => file.contentDisposition !== 'inline' && !file.related).map((file) => ({ name: file.filename ?? '', bytes: file.content }));
        if (!words && files.length === 0) return callback();
        const key = `mail:${parsed.messageId ?? createHash('sha256').update(parsed.text).digest('hex')}`;
        for (const recipient of session.envelope.rcptTo) {
          const number = await options.addresses.numberOf(recipient.address);
          if (number) await options.answer(number, { text: words, key, files });
        }
        callback();
      })().catch((error: unknown) => {
        options.log.warn('an appeal reply by e-mail was not kept; the sender will retry', errorFields(error));
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      });
    },
  });
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}
