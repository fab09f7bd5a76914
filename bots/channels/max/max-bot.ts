import type { Api } from '@maxhub/max-bot-api';
import type { AttachmentKind, IncomingFile, Input } from '../../../core/kernel/chat';
import { defaultLocale, isLocale, type Locale } from '../../../core/kernel/locale';
import type { Localizer } from '../../../core/kernel/localizer';
import { errorFields, type Log } from '../../../core/kernel/log';
import { privateChatsOnly } from '../../../core/kernel/private-chats-only';
import type { FlowRunner } from '../../../core/runner/flow-runner';
import { maxCall } from './max-api';
import { sendMaxMessage, type MaxSending } from './max-send';
import { anyMaxUpdate, maxUpdate, readUpdateTypes, type MaxAttachment, type MaxMessage, type MaxUpdate } from './max-updates';

export interface MaxBotOptions extends MaxSending {
  readonly runner: FlowRunner;
  readonly localizer: Localizer;
  readonly log: Log;
  /** The bot's own `username` once `GET /me` told it: the private chat's link for a group. */
  readonly username: () => string | null;
}

/** What one MAX update becomes: the chat it is in, its delivery key, and what the customer did. */
interface CustomerTurn {
  readonly chatId: number;
  /** MAX's updates carry no id: a message's `mid`, a press's `callback_id`, a start's chat and time stand in. */
  readonly key: string;
  readonly input: Input;
  readonly locale: Locale | undefined;
  readonly callbackId?: string;
}

/**
 * The MAX adapter: a text, a button press, a start with its deep-link payload or anything else
 * the customer sends becomes the runner's input, and what the flow said is sent through
 * `max-send`. Nothing about the domain is decided here. An update is handled or thrown: the
 * caller (long polling, the webhook) has it delivered again after a failure.
 */
export function createMaxBot(options: MaxBotOptions): { handle(update: unknown): Promise<void>; readonly api: Api } {
  return {
    api: options.api,
    async handle(raw) {
      const any = anyMaxUpdate.safeParse(raw);
      if (!any.success) return;
      const parsed = maxUpdate.safeParse(raw);
      // Another kind of update (a chat renamed, the bot stopped) has nothing for the runner.
      if (!parsed.success) {
        if (isReadUpdateType(any.data.update_type))
          options.log.warn('a MAX update not in its documented shape is left unanswered', { updateType: any.data.update_type });
        return;
      }
      const update = parsed.data;
      if (!inDialog(update)) return outsideDialog(options, update);
      const turn = customerTurn(update);
      if (!turn) return;
      await options.runner.handle(
        { chat: { channel: 'max', id: String(turn.chatId) }, updateId: turn.key, input: turn.input, ...(turn.locale && { localeHint: turn.locale }) },
        async (reply) => {
          for (const message of reply.messages) await sendMaxMessage(options, turn.chatId, message);
          if (turn.callbackId) await answered(options, turn.chatId, turn.callbackId, reply.notice);
        },
      );
    },
  };
}

/** A button press is answered once, with the short word for an old button when there is one; a failure to answer loses nothing. */
async function answered(options: MaxBotOptions, chatId: number | undefined, callbackId: string, notice: string | undefined): Promise<void> {
  // The schema of 2026-07-01 documents `notification`; the library's types have dropped it.
  const answer: Parameters<Api['answerOnCallback']>[1] & { readonly notification?: string } = notice ? { notification: notice } : {};
  const call = () => maxCall('answerOnCallback', () => options.api.answerOnCallback(callbackId, answer));
  // Answers count against the chat's two a second as messages do.
  await options.pace
    .paced(chatId === undefined ? undefined : String(chatId), call)
    .catch((error: unknown) => options.log.warn('a MAX button press could not be answered', errorFields(error)));
}

function inDialog(update: MaxUpdate): boolean {
  if (update.update_type === 'bot_started') return true;
  return update.message?.recipient.chat_type === 'dialog';
}

/** In a group or a channel the bot does nothing but say where it works: nothing of it reaches the runner. */
async function outsideDialog(options: MaxBotOptions, update: MaxUpdate): Promise<void> {
  if (update.update_type === 'message_callback')
    return answered(options, update.message?.recipient.chat_id ?? undefined, update.callback.callback_id, undefined);
  // A channel's posts are the supplier's own (its notices): nothing is said under them.
  if (update.update_type !== 'message_created' || update.message.sender?.is_bot || update.message.recipient.chat_type !== 'chat') return;
  const chatId = update.message.recipient.chat_id;
  if (chatId === null || chatId === undefined) return;
  const bot = options.username();
  const locale = localeOf(update.user_locale) ?? defaultLocale;
  // A group where the bot may not write holds no customer's update behind it.
  await sendMaxMessage(options, chatId, privateChatsOnly(options.localizer, locale, bot ? `https://max.ru/${bot}` : undefined)).catch((error: unknown) =>
    options.log.warn('a MAX group could not be told where the bot works', errorFields(error)),
  );
}

function customerTurn(update: MaxUpdate): CustomerTurn | null {
  const locale = localeOf(update.user_locale);
  switch (update.update_type) {
    case 'bot_started':
      // A deep link's payload arrives with the start, as Telegram's `/start <payload>` does.
      return {
        chatId: update.chat_id,
        key: `start:${update.chat_id}:${update.timestamp}`,
        input: { kind: 'text', text: update.payload ? `/start ${update.payload}` : '/start' },
        locale,
      };
    case 'message_callback': {
      const chatId = update.message?.recipient.chat_id;
      if (chatId === null || chatId === undefined) return null;
      const data = update.callback.payload ?? '';
      return { chatId, key: `callback:${update.callback.callback_id}`, input: { kind: 'button', data }, locale, callbackId: update.callback.callback_id };
    }
    case 'message_created': {
      const chatId = update.message.recipient.chat_id;
      if (chatId === null || chatId === undefined || update.message.sender?.is_bot) return null;
      return { chatId, key: `message:${update.message.body.mid}`, input: inputOf(update.message), locale };
    }
  }
}

/** Typed text, or anything else sent (its files read when a flow keeps them); a reply to the bot's message says what it answered. */
function inputOf(message: MaxMessage): Input {
  const attachments = (message.body.attachments ?? []).filter((attachment) => attachment.type !== 'inline_keyboard');
  const repliedTo = message.link?.type === 'reply' ? message.link.message?.text : undefined;
  const inReplyTo = repliedTo ? { inReplyTo: repliedTo.slice(0, 500) } : {};
  const text = message.body.text ?? '';
  const first = attachments[0];
  if (!first) return { kind: 'text', text, ...inReplyTo };
  const files = attachments.flatMap(fileOf);
  return { kind: 'attachment', what: attachmentKind(first), ...(files.length > 0 && { files }), ...inReplyTo };
}

/** A picture or a document, by its URL (read by the MAX file source when a flow keeps it). */
function fileOf(attachment: MaxAttachment): IncomingFile[] {
  const url = attachment.payload?.url;
  if (!url || (attachment.type !== 'image' && attachment.type !== 'file')) return [];
  const name = attachment.type === 'image' ? `photo-${attachment.payload?.token?.slice(0, 16) ?? 'max'}.jpg` : attachment.filename;
  return [{ ref: url, ...(name && { name }), ...(typeof attachment.size === 'number' && { bytes: attachment.size }) }];
}

function attachmentKind(attachment: MaxAttachment): AttachmentKind {
  const kinds: Record<string, AttachmentKind> = {
    image: 'photo',
    sticker: 'sticker',
    audio: 'voice',
    video: 'video',
    file: 'document',
    location: 'location',
    contact: 'contact',
  };
  return kinds[attachment.type] ?? 'other';
}

function isReadUpdateType(type: string): boolean {
  return (readUpdateTypes as readonly string[]).includes(type);
}

/** MAX's `user_locale` (`ru`, `en`, `ru-RU`) as one of the bot's languages, if it is one. */
function localeOf(userLocale: string | null | undefined): Locale | undefined {
  const language = (userLocale ?? '').slice(0, 2).toLowerCase();
  return isLocale(language) ? language : undefined;
}
