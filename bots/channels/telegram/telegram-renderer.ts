import type { InlineKeyboardMarkup } from 'grammy/types';
import type { SharedFile } from '../../../core/kernel/content/content';
import type { OutgoingButton, OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { htmlParts } from '../chat-html/html-parts';

/** One Bot API call that shows (part of) a message. */
export type TelegramSend =
  | { readonly method: 'sendMessage'; readonly text: string; readonly reply_markup?: InlineKeyboardMarkup }
  | { readonly method: 'sendPhoto' | 'sendDocument'; readonly file: SharedFile; readonly caption: string; readonly reply_markup?: InlineKeyboardMarkup };

/** Telegram's limit is 4096 characters a message; the rest is room for tags. */
const maxMessageLength = 3800;

/** A message as Telegram shows it, in `parse_mode: 'HTML'`: its parts (`htmlParts`), buttons one per row under the last. */
export function telegramSends(message: OutgoingMessage): TelegramSend[] {
  const markup = keyboard(message.buttons);
  const parts = htmlParts(message, maxMessageLength);
  return parts.map((part, index): TelegramSend => {
    const withMarkup = markup && index === parts.length - 1 ? { reply_markup: markup } : {};
    if (part.kind === 'text') return { method: 'sendMessage', text: part.html, ...withMarkup };
    return { method: part.file.mime === 'image/png' ? 'sendPhoto' : 'sendDocument', file: part.file, caption: part.caption, ...withMarkup };
  });
}

function keyboard(buttons: readonly OutgoingButton[]): InlineKeyboardMarkup | undefined {
  if (buttons.length === 0) return undefined;
  return {
    inline_keyboard: buttons.map((button) => ['url' in button ? { text: button.label, url: button.url } : { text: button.label, callback_data: button.data }]),
  };
}
