import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, GrammyError, InputFile, type Api, type Context } from 'grammy';
import type { Message, UserFromGetMe } from 'grammy/types';
import type { AttachmentKind, IncomingFile, Input } from '../../../core/kernel/chat';
import type { OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { defaultLocale, isLocale, type Locale } from '../../../core/kernel/locale';
import { privateChatsOnly } from '../../../core/kernel/private-chats-only';
import type { Localizer } from '../../../core/kernel/localizer';
import type { FileStore } from '../../../core/kernel/file-store';
import { errorFields, type Log } from '../../../core/kernel/log';
import type { FlowRunner } from '../../../core/runner/flow-runner';
import { chatCommands } from './chat-commands';
import type { ChatAddress } from '../../../core/kernel/channel';
import { PlatformError } from '../../../core/kernel/platform-error';
import { telegramSends } from './telegram-renderer';

/** Longest wait for one Bot API call; long polling asks for less than this. */
export const telegramCallTimeoutSeconds = 12;

export interface TelegramBotOptions {
  readonly token: string;
  readonly runner: FlowRunner;
  readonly localizer: Localizer;
  readonly files: FileStore;
  readonly log: Log;
  /** Documents Telegram holds already, by content hash: sent again by `file_id`. */
  readonly documents?: KnownDocuments;
  /** A self-hosted Bot API server (the tests' fake one). */
  readonly apiRoot?: string;
  /** Skips `getMe` when known already (the benchmark). */
  readonly botInfo?: UserFromGetMe;
  readonly fetch?: typeof fetch;
  /** Whether a chat has an account linked: its command menu follows (see `chatCommands`). */
  readonly isLinked?: (chat: ChatAddress) => Promise<boolean>;
}

/**
 * The Telegram adapter: a text, a button press or anything else the customer sends becomes the
 * runner's input, and what the flow said is rendered by `telegram-renderer`. Nothing about the
 * domain is decided here.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    ...(options.botInfo && { botInfo: options.botInfo }),
    client: {
      // Every call answers or fails within seconds: an unreachable Telegram holds nothing for long.
      timeoutSeconds: telegramCallTimeoutSeconds,
      ...(options.apiRoot && { apiRoot: options.apiRoot }),
      ...(options.fetch && { fetch: options.fetch as never }),
    },
  });
  // Honours a short 429 retry_after and retries 5xx a few times; a network failure or a long wait
  // is thrown at once, for the update (redelivered) or the outbox (retried later) to deal with.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 3, maxDelaySeconds: 5, rethrowHttpErrors: true }));
  const commands = options.isLinked && chatCommands(bot.api, options.localizer, options.isLinked);

  /** Hands the update to the runner; a failure is thrown, so the update is delivered again. */
  const handle = async (ctx: Context, input: Input, answered?: (notice: string | undefined) => Promise<unknown>) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    // Telegram's language is a hint only: the bot answers in it until the customer chooses with /language.
    const hint = localeOf(ctx.from?.language_code);
    const update = {
      chat: { channel: 'telegram' as const, id: String(chatId) },
      updateId: String(ctx.update.update_id),
      input,
      ...(hint && { localeHint: hint }),
    };
    await options.runner.handle(update, async (reply) => {
      for (const message of reply.messages) await sendMessage(ctx.api, options.files, chatId, message, options.documents);
      await answered?.(reply.notice);
    });
    // After the reply: a menu left behind costs a command answered with «link first», never the update.
    await commands?.(chatId).catch(() => undefined);
  };

  // In a group or a channel the bot does nothing but say where it works: nothing of it reaches the runner.
  bot.use(async (ctx, next) => {
    if (!ctx.chat || ctx.chat.type === 'private') return next();
    if (ctx.callbackQuery) return void (await ctx.answerCallbackQuery().catch(() => undefined));
    const locale = ctx.from?.language_code === 'en' ? 'en' : defaultLocale;
    // A group where the bot may not write holds no customer's update behind it.
    await sendMessage(ctx.api, options.files, ctx.chat.id, privateChatsOnly(options.localizer, locale, `https://t.me/${ctx.me.username}`)).catch(
      (error: unknown) => options.log.warn('a Telegram group could not be told where the bot works', errorFields(error)),
    );
  });

  bot.on('callback_query:data', async (ctx) => {
    // The pressed message's keyboard goes: old buttons do not linger under answered questions.
    const keyboardGone = ctx.callbackQuery.message ? ctx.editMessageReplyMarkup({ reply_markup: { inline_keyboard: [] } }).catch(() => undefined) : undefined;
    try {
      // A callback query can be answered once and only for a while: a failure to answer loses nothing.
      await handle(ctx, { kind: 'button', data: ctx.callbackQuery.data }, (notice) =>
        ctx.answerCallbackQuery(notice ? { text: notice } : {}).catch(() => undefined),
      );
    } finally {
      await keyboardGone;
    }
  });
  bot.on('message:text', (ctx) => handle(ctx, { kind: 'text', text: ctx.message.text, ...repliedTo(ctx.message, ctx.me.id) }));
  bot.on('message', (ctx) => {
    const files = filesOf(ctx.message);
    return handle(ctx, { kind: 'attachment', what: attachmentOf(ctx.message), ...(files.length > 0 && { files }), ...repliedTo(ctx.message, ctx.me.id) });
  });
  return bot;
}

/** Telegram's `file_id`s of documents it has had from this bot, by the SHA-256 of their bytes. */
export interface KnownDocuments {
  fileId(sha256: string): Promise<string | null>;
  remember(sha256: string, fileId: string): Promise<void>;
}

/**
 * Sends one message of the bot's on Telegram, files from the file store; a document Telegram has
 * already goes by its id. Telegram's refusal of a call is thrown as a `PlatformError`.
 */
export async function sendMessage(
  api: Api,
  files: FileStore,
  chatId: number,
  message: OutgoingMessage,
  documents?: KnownDocuments,
  aborted?: AbortSignal,
): Promise<void> {
  await sendParts(api, files, chatId, message, documents, aborted).catch((error: unknown) => {
    throw telegramRefusal(error);
  });
}

/** Telegram's answer refusing a call, as a `PlatformError`; anything else (the network, a timeout, the file store) as it is. */
function telegramRefusal(error: unknown): unknown {
  if (!(error instanceof GrammyError)) return error;
  const retryAfterSeconds = error.parameters.retry_after;
  return new PlatformError('telegram', error.method, error.error_code, {
    description: error.description,
    ...(retryAfterSeconds !== undefined && { retryAfterSeconds }),
  });
}

async function sendParts(
  api: Api,
  files: FileStore,
  chatId: number,
  message: OutgoingMessage,
  documents?: KnownDocuments,
  aborted?: AbortSignal,
): Promise<void> {
  // grammY types its signal after the abort-controller package; Node's own is what it gets at run time.
  const signal = aborted as GrammySignal;
  for (const send of telegramSends(message)) {
    const markup = send.reply_markup ? { reply_markup: send.reply_markup } : {};
    if (send.method === 'sendMessage') {
      await api.sendMessage(chatId, send.text, { parse_mode: 'HTML', link_preview_options: { is_disabled: true }, ...markup }, signal);
      continue;
    }
    const other = { caption: send.caption, parse_mode: 'HTML' as const, ...markup };
    const { sha256 } = send.file;
    const known = sha256 && documents ? await documents.fileId(sha256) : null;
    // A file id Telegram no longer takes (another bot's token) falls back to an upload.
    if (
      known &&
      (await api.sendDocument(chatId, known, other, signal).then(
        () => true,
        (error: unknown) => refusedFileId(error),
      ))
    )
      continue;
    const stored = await files.get(send.file.id);
    if (!stored) throw new Error(`file ${send.file.name} is no longer in the store`);
    const file = new InputFile(stored.bytes, stored.name);
    if (send.method === 'sendPhoto') {
      await api.sendPhoto(chatId, file, other, signal);
      continue;
    }
    const sent = await api.sendDocument(chatId, file, other, signal);
    if (sha256 && documents && sent.document) await documents.remember(sha256, sent.document.file_id);
  }
}

type GrammySignal = Parameters<Api['sendMessage']>[3];

/** False for Telegram's 400 about a file id it does not know; anything else is thrown on. */
function refusedFileId(error: unknown): false {
  if (error instanceof GrammyError && error.error_code === 400) return false;
  throw error;
}

/** Telegram's `language_code` (`en`, `en-GB`, `ru`) as one of the bot's languages, if it is one. */
function localeOf(languageCode: string | undefined): Locale | undefined {
  const language = (languageCode ?? '').slice(0, 2).toLowerCase();
  return isLocale(language) ? language : undefined;
}

/** The bot's own message the customer answered with Telegram's «reply»: its first words say what it was about. */
function repliedTo(message: Message, botId: number): { inReplyTo?: string } {
  const replied = message.reply_to_message;
  const words = replied?.from?.id === botId ? (replied.text ?? replied.caption) : undefined;
  return words ? { inReplyTo: words.slice(0, 500) } : {};
}

/** A photo (its largest size) or a document, by Telegram's file id; read with `getFile` when the flow keeps it. */
function filesOf(message: Message): IncomingFile[] {
  const photo = message.photo?.at(-1);
  if (photo) return [{ ref: photo.file_id, name: `photo-${photo.file_unique_id}.jpg`, ...(photo.file_size !== undefined && { bytes: photo.file_size }) }];
  const document = message.document;
  if (!document) return [];
  return [
    {
      ref: document.file_id,
      ...(document.file_name && { name: document.file_name }),
      ...(document.mime_type && { mime: document.mime_type }),
      ...(document.file_size !== undefined && { bytes: document.file_size }),
    },
  ];
}

function attachmentOf(message: Message): AttachmentKind {
  if (message.photo) return 'photo';
  if (message.sticker) return 'sticker';
  if (message.voice || message.audio) return 'voice';
  if (message.video || message.video_note || message.animation) return 'video';
  if (message.document) return 'document';
  if (message.location || message.venue) return 'location';
  if (message.contact) return 'contact';
  return 'other';
}
