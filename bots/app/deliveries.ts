import type { CloudAdapter } from 'botbuilder';
import type { Bot } from 'grammy';
import { handOverReadings } from '../../core/features/billing/hand-over-readings';
import type { DueHandover } from '../../core/features/billing/ports';
import { letterAddress } from '../../core/features/e-receipt/letter-address';
import type { ReceiptRef } from '../../core/features/outbox/ports';
import type { Receipt } from '../../core/features/receipts/receipt';
import { letterLocale } from '../../core/features/receipts/publish-receipts';
import type { Log } from '../../core/kernel/log';
import type { DueMail } from '../../db/repositories/sql-mail-queue';
import { ChatPushDelivery } from '../channels/outbox/chat-push-delivery';
import { createPushSender } from '../channels/outbox/chat-push-sender';
import { QueueDelivery } from '../channels/outbox/queue-delivery';
import { broadcastApi } from '../channels/telegram/broadcast-api';
import type { telegramDocuments } from '../channels/telegram/known-documents';
import type { MaxSending } from '../channels/max/max-send';
import type { AppealReplyAddresses } from '../integrations/mail/appeal-reply-addresses';
import { createMailSender, mailSendTimeoutMs, mailVerdict } from '../integrations/mail/mail-delivery';
import { receiptFileName } from '../integrations/pdf/pdf-receipt-archive';
import type { Runtime } from './compose';
import type { Config } from './config';

/** How often the outboxes look for what is due, besides being kicked when something is queued. */
const outboxPollMs = 5_000;

export type ReadMonth = (ref: ReceiptRef) => Promise<Receipt | null>;

/** The mail outbox's worker: letters leave a few at once, each address's in order (a month's e-receipts are thousands). */
export function startMailDelivery(
  config: Pick<Config, 'mail'>,
  runtime: Runtime,
  log: Log,
  readMonth: ReadMonth,
  replyAddresses: AppealReplyAddresses | undefined,
): QueueDelivery<DueMail> {
  const sender = createMailSender(
    config.mail,
    async (item) => {
      const receipt = item.receipt && (await readMonth(item.receipt));
      const receipts = receipt ? [{ filename: receiptFileName(receipt), content: (await runtime.receipts.pdf(receipt, letterLocale)).bytes }] : [];
      const files = await Promise.all((item.attachments ?? []).map((ref) => runtime.attachments.get(ref.id)));
      return [...receipts, ...files.flatMap((file) => (file ? [{ filename: file.ref.name, content: file.bytes, contentType: file.ref.mime }] : []))];
    },
    replyAddresses,
  );
  const mail = new QueueDelivery(
    'mail',
    runtime.mailQueue,
    async (item) => {
      const to = await letterAddress(item, runtime.eReceipts);
      if (to !== null) await sender.send({ ...item, to });
    },
    log,
    { sendTimeoutMs: mailSendTimeoutMs, verdict: mailVerdict, batch: 10, lanes: { of: (item) => item.to, parallel: 4 } },
  );
  mail.start(outboxPollMs);
  return mail;
}

/** The chat-push outbox's worker: into Telegram and MAX through their broadcast limits, into web chat as proactive messages. */
export function startPushDelivery(
  runtime: Runtime,
  log: Log,
  channels: {
    readonly telegram: Bot | undefined;
    readonly documents: ReturnType<typeof telegramDocuments>;
    readonly max: MaxSending | undefined;
    readonly botFramework: { readonly adapter: CloudAdapter; readonly appId: string };
    readonly fileUrl: (token: string) => string;
    readonly readMonth: ReadMonth;
  },
): ChatPushDelivery {
  const pushes = new ChatPushDelivery(
    runtime.pushes,
    createPushSender({
      partsSent: (id, count) => runtime.pushes.markPartsSent(id, count),
      localizer: runtime.localizer,
      identities: runtime.identities,
      files: runtime.files,
      fileUrl: channels.fileUrl,
      telegram: channels.telegram && broadcastApi(channels.telegram),
      documents: channels.documents,
      max: channels.max,
      receipts: { read: channels.readMonth, archive: runtime.receipts },
      appealFiles: runtime.services.appealFiles,
      botFramework: channels.botFramework,
    }),
    log,
  );
  pushes.start(outboxPollMs);
  return pushes;
}

/** Billing gets one attempt this long; the outbox tries again later, under the same key. */
const handoverTimeoutMs = 15_000;

/**
 * The readings outbox: submissions billing did not take while the customer was in the chat, handed
 * over under their key until billing answers, the chat told what came of each (`queued` wakes the pushes).
 */
export function startHandoverDelivery(runtime: Runtime, log: Log, queued: () => void): QueueDelivery<DueHandover> {
  const { readings, clock } = runtime.services;
  const handovers = new QueueDelivery(
    'readings hand-over',
    runtime.handovers,
    async (item) => {
      await handOverReadings({ readings, handovers: runtime.handovers, pushes: runtime.pushes }, item, clock);
      queued();
    },
    log,
    { sendTimeoutMs: handoverTimeoutMs },
  );
  handovers.start(outboxPollMs);
  return handovers;
}
