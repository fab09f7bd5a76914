import type { Activity, CloudAdapter, ConversationReference } from 'botbuilder';
import type { OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { localize } from '../../../core/kernel/content/localize';
import type { Localizer } from '../../../core/kernel/localizer';
import type { Said } from '../../../core/kernel/content/content';
import type { Locale } from '../../../core/kernel/locale';
import type { Receipt } from '../../../core/features/receipts/receipt';
import { receiptButtons, receiptCaption } from '../../../core/features/receipts/receipt-caption';
import type { AppealFiles } from '../../../core/features/appeals/ports';
import type { FileStore } from '../../../core/kernel/file-store';
import type { ReceiptArchive } from '../../../core/features/receipts/ports';
import type { DuePush, PushRecipients, ReceiptRef } from '../../../core/features/outbox/ports';
import { displayPeriod } from '../../../core/kernel/period';
import { text, words } from '../../../core/kernel/text';
import { PlatformError } from '../../../core/kernel/platform-error';
import { menuButton } from '../botframework/menu-button';
import { toActivities } from '../botframework/activity-renderer';
import { localeHint } from '../botframework/energobot-activity-handler';
import { sendMessage, type KnownDocuments } from '../telegram/telegram-bot';
import type { Api } from 'grammy';
import { sendMaxMessage, type MaxSending } from '../max/max-send';

export interface PushChannels {
  readonly localizer: Localizer;
  readonly identities: PushRecipients;
  readonly files: FileStore;
  readonly fileUrl: (token: string) => string;
  /** The Bot API as pushes use it: throttled to Telegram's broadcast limits. */
  readonly telegram: Api | undefined;
  readonly documents?: KnownDocuments;
  /** MAX's client and the pace it shares with the replies. */
  readonly max?: MaxSending | undefined;
  readonly receipts: { read(ref: ReceiptRef): Promise<Receipt | null>; readonly archive: ReceiptArchive };
  readonly appealFiles: AppealFiles;
  readonly botFramework: { readonly adapter: CloudAdapter; readonly appId: string };
  /** Records that the first `count` messages of a push reached the chat. */
  readonly partsSent: (id: number, count: number) => Promise<void>;
}

/**
 * Sends one queued push on its chat's own channel, in the chat's language, through the same
 * renderers as replies: Telegram and MAX by their chat ids, Bot Framework as a proactive message to the
 * conversation it last spoke in. Each message of it (the text, each file) is recorded as it
 * arrives, so a retry sends only what did not; a failure is thrown, so the outbox retries it later.
 */
export function createPushSender(channels: PushChannels): (push: DuePush, signal: AbortSignal) => Promise<void> {
  return async (push, signal) => {
    const reference = push.chat.channel === 'webchat' ? await channels.identities.conversationOf(push.chat) : null;
    // A chat that never chose a language hears the one its page spoke (Web Chat's `locale`).
    const locale = (await channels.identities.locale(push.chat)) ?? localeHint(reference?.['locale']) ?? 'ru';
    const messages = (await pushContent(channels, push, locale)).map((said) => localize(channels.localizer, locale, said));
    const parts = async (send: (index: number) => Promise<unknown>) => {
      for (let index = push.partsSent; index < messages.length; index += 1) {
        // Past its time a push starts nothing more: the retry takes over from the last message recorded.
        signal.throwIfAborted();
        await send(index);
        await channels.partsSent(push.id, index + 1);
      }
    };
    if (push.chat.channel === 'telegram') {
      const telegram = channels.telegram;
      if (!telegram) throw new Error('Telegram is not configured in this process');
      return parts((index) => sendMessage(telegram, channels.files, Number(push.chat.id), messages[index] as OutgoingMessage, channels.documents, signal));
    }
    if (push.chat.channel === 'max') {
      const max = channels.max;
      if (!max) throw new Error('MAX is not configured in this process');
      return parts((index) => sendMaxMessage(max, Number(push.chat.id), messages[index] as OutgoingMessage, signal));
    }
    if (!reference) throw new Error('no Bot Framework conversation known for this chat yet');
    const activities = toActivities(messages, channels.fileUrl, menuButton(channels.localizer, locale));
    // The adapter's turn error handler throws an error of its own; the connector's refusal is kept here and thrown instead.
    let refused: PlatformError | undefined;
    await channels.botFramework.adapter
      .continueConversationAsync(channels.botFramework.appId, reference as Partial<ConversationReference>, (context) =>
        parts((index) =>
          context.sendActivity(activities[index] as Partial<Activity>).catch((error: unknown) => {
            throw (refused = connectorRefusal(error)) ?? error;
          }),
        ),
      )
      .catch((error: unknown) => {
        throw refused ?? error;
      });
  };
}

/** The Bot Framework connector's answer refusing an activity (its HTTP status: 403, 404 for a conversation gone), as a `PlatformError`. */
function connectorRefusal(error: unknown): PlatformError | undefined {
  const status = (error as { statusCode?: unknown } | null)?.statusCode;
  return typeof status === 'number' ? new PlatformError('botframework', 'sendActivity', status) : undefined;
}

/**
 * A push as the chat sees it: its text, or a receipt issued in the chat's language with the text
 * as its caption; an operator's files follow the text, the buttons under the last of them.
 */
async function pushContent(channels: PushChannels, push: DuePush, locale: Locale): Promise<Said[]> {
  if (push.receipt) {
    const receipt = await channels.receipts.read(push.receipt);
    if (!receipt) return [{ content: { kind: 'text', text: text('receipts-missing', { period: displayPeriod(push.receipt.period) }) }, buttons: [] }];
    const file = await channels.receipts.archive.issue(receipt, locale);
    const caption = { ...push.message, args: { ...push.message.args, summary: words(receiptCaption(receipt)) } };
    return [{ content: { kind: 'file', file, caption }, buttons: [...receiptButtons(receipt), ...(push.buttons ?? [])] }];
  }
  const files: Said[] = [];
  for (const ref of push.files ?? []) {
    const shared = await channels.appealFiles.share(ref.id);
    if (shared) files.push({ content: { kind: 'file', file: shared, caption: text('push-file-caption', { name: ref.name }) }, buttons: [] });
  }
  const said: Said[] = [{ content: { kind: 'text', text: push.message }, buttons: [] }, ...files];
  return said.map((one, index) => (index === said.length - 1 ? { ...one, buttons: push.buttons ?? [] } : one));
}
