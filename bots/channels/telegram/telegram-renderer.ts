import type { InlineKeyboardMarkup } from 'grammy/types';
import type { SharedFile } from '../../../core/kernel/content/content';
import type { OutgoingButton, OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { fitsPhone, stackedRow, tableLines } from '../../../core/kernel/content/plain-text';
import { escapeHtml } from '../../../core/kernel/html';

/** One Bot API call that shows (part of) a message. */
export type TelegramSend =
  | { readonly method: 'sendMessage'; readonly text: string; readonly reply_markup?: InlineKeyboardMarkup }
  | { readonly method: 'sendPhoto' | 'sendDocument'; readonly file: SharedFile; readonly caption: string; readonly reply_markup?: InlineKeyboardMarkup };

/** Telegram's limit is 4096 characters a message; the rest is room for tags. */
const maxMessageLength = 3800;

/**
 * A message as Telegram shows it, in `parse_mode: 'HTML'` with every value escaped: facts as bold
 * labels, a table as an aligned `<pre>` block when it fits a phone, else two lines a row (split
 * over several messages when long), buttons one per row under the last part.
 */
export function telegramSends(message: OutgoingMessage): TelegramSend[] {
  const markup = keyboard(message.buttons);
  const withMarkup = <T extends object>(send: T) => (markup ? { ...send, reply_markup: markup } : send);
  switch (message.kind) {
    case 'text':
      return split(escapeHtml(message.text).split('\n')).map((part, index, parts) =>
        index === parts.length - 1 ? withMarkup({ method: 'sendMessage' as const, text: part }) : { method: 'sendMessage' as const, text: part },
      );
    case 'file':
      return [
        withMarkup({
          method: message.file.mime === 'image/png' ? ('sendPhoto' as const) : ('sendDocument' as const),
          file: message.file,
          caption: escapeHtml(message.caption),
        }),
      ];
    case 'facts':
      return [
        withMarkup({
          method: 'sendMessage' as const,
          text: [`<b>${escapeHtml(message.title)}</b>`, ...message.facts.map(([label, value]) => `<b>${escapeHtml(label)}:</b> ${escapeHtml(value)}`)].join(
            '\n',
          ),
        }),
      ];
    case 'table': {
      const aligned = fitsPhone(message.columns, message.rows);
      const body = aligned
        ? tableLines(message.columns, message.rows).map(escapeHtml)
        : [message.columns, ...message.rows].flatMap((cells, index) => {
            const [first, rest] = stackedRow(cells).map(escapeHtml);
            return index === 0 ? [`<i>${first}</i>`, `<i>${rest}</i>`] : [`<b>${first}</b>`, rest ?? ''];
          });
      const parts = split(body).map((lines) => (aligned ? `<pre>${lines}</pre>` : lines));
      parts[0] = `<b>${escapeHtml(message.title)}</b>\n${parts[0] ?? ''}`;
      if (message.note) parts[parts.length - 1] += `\n${escapeHtml(message.note)}`;
      return parts.map((text, index) =>
        index === parts.length - 1 ? withMarkup({ method: 'sendMessage' as const, text }) : { method: 'sendMessage' as const, text },
      );
    }
  }
}

export function keyboard(buttons: readonly OutgoingButton[]): InlineKeyboardMarkup | undefined {
  if (buttons.length === 0) return undefined;
  return {
    inline_keyboard: buttons.map((button) => ['url' in button ? { text: button.label, url: button.url } : { text: button.label, callback_data: button.data }]),
  };
}

/** Lines joined into parts that each fit one message; a part breaks only between lines. */
function split(lines: readonly string[]): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > maxMessageLength && current !== '') {
      parts.push(current);
      current = line;
    } else current = next;
  }
  parts.push(current);
  return parts;
}
