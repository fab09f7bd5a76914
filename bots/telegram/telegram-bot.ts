import { autoRetry } from '@grammyjs/auto-retry';
import { Bot, InputFile, type Context } from 'grammy';
import type { UserFromGetMe } from 'grammy/types';
import type { Input } from '../../core/chat';
import type { FileStore } from '../../core/ports';
import type { FlowRunner, OutgoingMessage } from '../../core/runner/flow-runner';
import { errorFields, type Log } from '../log';

export interface TelegramBotOptions {
  readonly token: string;
  readonly runner: FlowRunner;
  readonly files: FileStore;
  readonly log: Log;
  /** A self-hosted Bot API server (the tests' fake one). */
  readonly apiRoot?: string;
  /** Skips `getMe` when known already (the benchmark). */
  readonly botInfo?: UserFromGetMe;
  readonly fetch?: typeof fetch;
}

/**
 * The Telegram adapter: a text or a button press becomes the runner's input, and what the flow
 * said becomes messages with inline keyboards. Nothing about the domain is decided here.
 */
export function createTelegramBot(options: TelegramBotOptions): Bot {
  const bot = new Bot(options.token, {
    ...(options.botInfo && { botInfo: options.botInfo }),
    client: {
      ...(options.apiRoot && { apiRoot: options.apiRoot }),
      ...(options.fetch && { fetch: options.fetch as never }),
    },
  });
  // Honours 429 retry_after and retries 5xx, so a busy Bot API slows replies instead of losing them.
  bot.api.config.use(autoRetry({ maxRetryAttempts: 5, maxDelaySeconds: 60 }));

  const handle = async (ctx: Context, input: Input) => {
    const chatId = ctx.chat?.id;
    if (chatId === undefined) return;
    const replies = await options.runner.handle({
      chat: { channel: 'telegram', id: String(chatId) },
      updateId: String(ctx.update.update_id),
      input,
    });
    for (const reply of replies) {
      const stored = reply.file && (await options.files.get(reply.file.id));
      if (!stored) await ctx.api.sendMessage(chatId, reply.text, replyMarkup(reply));
      else if (stored.mime === 'image/png') await ctx.api.sendPhoto(chatId, new InputFile(stored.bytes, stored.name), { caption: reply.text });
      else await ctx.api.sendDocument(chatId, new InputFile(stored.bytes, stored.name), { caption: reply.text });
    }
  };

  bot.on('callback_query:data', async (ctx) => {
    // Answered at once: Telegram shows a spinner on the button until it is.
    await ctx.answerCallbackQuery();
    await handle(ctx, { kind: 'button', data: ctx.callbackQuery.data });
  });
  bot.on('message:text', (ctx) => handle(ctx, { kind: 'text', text: ctx.message.text }));
  bot.on('message', (ctx) => handle(ctx, { kind: 'text', text: '' }));
  bot.catch((error) => options.log.error('telegram update failed', { updateId: error.ctx.update.update_id, ...errorFields(error.error) }));
  return bot;
}

export function replyMarkup(reply: OutgoingMessage) {
  if (reply.buttons.length === 0) return {};
  return {
    reply_markup: {
      inline_keyboard: reply.buttons.map((button) => ['url' in button ? { text: button.label, url: button.url } : { text: button.label, callback_data: button.data }]),
    },
  };
}
