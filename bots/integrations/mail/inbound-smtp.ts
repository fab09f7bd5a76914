import { createHash } from 'node:crypto';
import { PassThrough } from 'node:stream';
import type { AddressInfo } from 'node:net';
import { simpleParser } from 'mailparser';
import { SMTPServer } from 'smtp-server';
import { z } from 'zod';
import { errorFields, type Log } from '../../../core/kernel/log';
import type { AppealReplyAddresses } from './appeal-reply-addresses';
import { replyText } from './reply-text';

/** What energobot reads of a reply; the rest of the mail is not taken. */
const reply = z.object({
  text: z.string().max(200_000).default(''),
  from: z.object({ value: z.array(z.object({ address: z.string().optional() })) }).optional(),
  messageId: z.string().max(998).optional(),
  attachments: z
    .array(
      z.object({
        filename: z.string().max(255).optional(),
        content: z.instanceof(Buffer),
        contentDisposition: z.string().optional(),
        related: z.boolean().optional(),
      }),
    )
    .default([]),
});

/** A file of an operator's reply mail. */
export interface MailedFile {
  readonly name: string;
  readonly bytes: Buffer;
}

/** A reply larger than this is refused at `DATA` (the appeal rule's five files of 10 MB, with room for the text). */
export const maxReplyBytes = 60 * 1024 * 1024;

export interface InboundMail {
  readonly host: string;
  readonly port: number;
  /** The mail servers that may hand replies over: any other is refused when it connects. */
  readonly allowedRelays: readonly string[];
  /** The operators' mail domains: a reply from elsewhere is refused. */
  readonly senderDomains: readonly string[];
  readonly addresses: AppealReplyAddresses;
  /** Whether the appeal still takes answers: a closed appeal's reply address is dead. */
  readonly open: (number: string) => Promise<boolean>;
  /** Makes the reply the operator's answer; throws when it cannot be kept now (the sending server tries again). */
  readonly answer: (
    number: string,
    reply: { readonly text: string; readonly key: string; readonly files: readonly MailedFile[]; readonly from: string },
  ) => Promise<unknown>;
  readonly log: Log;
}

/**
 * The SMTP listener the supplier's mail server relays operators' replies to. Only the allowed
 * relays may connect; the sender must be of an operators' domain (`MAIL FROM` and the `From`
 * header); a recipient is taken only when its address names an open appeal with a valid
 * signature; a mail over `maxReplyBytes` is refused at the end of `DATA`, unkept. The reply's own
 * words (without the quoted history, and without the targets of its HTML links, which the
 * customer never saw as the operator wrote them) and its attached files become the operator's
 * answer, once per `Message-ID`; pictures of a signature (inline) are not files.
 */
export async function startInboundSmtp(options: InboundMail): Promise<{ readonly port: number; close(): Promise<void> }> {
  const server = new SMTPServer({
    banner: 'energobot appeals',
    authOptional: true,
    disabledCommands: ['AUTH', 'STARTTLS'],
    size: maxReplyBytes,
    // A stop does not wait on a slow mail server: what it was sending is retried by it.
    closeTimeout: 2_000,
    onConnect(session, callback) {
      const address = session.remoteAddress.replace(/^::ffff:/, '');
      callback(options.allowedRelays.includes(address) ? undefined : refusal('Not a relay of this supplier', 554));
    },
    onMailFrom(address, _session, callback) {
      callback(fromOperators(address.address) ? undefined : refusal('Sender is not an operator of this supplier', 550));
    },
    onRcptTo(address, _session, callback) {
      options.addresses
        .numberOf(address.address)
        .then(async (number) => number !== null && (await options.open(number)))
        .then(
          (taken) => callback(taken ? undefined : refusal('No such appeal address', 550)),
          (error: unknown) => callback(Object.assign(refusal('Try again later', 451), { cause: error })),
        );
    },
    onData(stream, session, callback) {
      void (async () => {
        const within = new PassThrough();
        let bytes = 0;
        // Past the limit nothing more is passed on: an oversized mail is read to its end, never held.
        stream.on('data', (chunk: Buffer) => {
          bytes += chunk.length;
          if (bytes <= maxReplyBytes) within.write(chunk);
        });
        stream.on('end', () => within.end());
        const parsed = reply.parse(await simpleParser(within));
        if (bytes > maxReplyBytes) return callback(refusal(`Message exceeds ${maxReplyBytes} bytes`, 552));
        const sender = parsed.from?.value[0]?.address ?? '';
        if (!fromOperators(sender)) return callback(refusal('Sender is not an operator of this supplier', 550));
        const words = replyText(withoutLinkTargets(parsed.text));
        const files = parsed.attachments
          .filter((file) => file.contentDisposition !== 'inline' && !file.related)
          .map((file) => ({ name: file.filename ?? '', bytes: file.content }));
        if (!words && files.length === 0) return callback();
        const key = `mail:${parsed.messageId ?? createHash('sha256').update(parsed.text).digest('hex')}`;
        for (const recipient of session.envelope.rcptTo) {
          const number = await options.addresses.numberOf(recipient.address);
          if (number) await options.answer(number, { text: words, key, files, from: sender.toLowerCase() });
        }
        callback();
      })().catch((error: unknown) => {
        options.log.warn('an appeal reply by e-mail was not kept; the sender will retry', errorFields(error));
        callback(Object.assign(new Error('Try again later'), { responseCode: 451 }));
      });
    },
  });
  const fromOperators = (address: string) => options.senderDomains.includes(address.split('@').pop()?.toLowerCase() ?? '');
  await new Promise<void>((resolve) => server.listen(options.port, options.host, resolve));
  return {
    port: (server.server.address() as AddressInfo).port,
    close: () => new Promise<void>((resolve) => server.close(() => resolve())),
  };
}

function refusal(message: string, responseCode: number): Error {
  return Object.assign(new Error(message), { responseCode });
}

/**
 * The text of an HTML mail names each link's target in brackets after its words: those targets
 * go. A link whose words said one thing and led elsewhere is how a forged answer phishes.
 */
function withoutLinkTargets(text: string): string {
  return text.replace(/\s*\[(?:https?|mailto|tel):[^\]\s]*\]/gi, '');
}
