import { Keyboard } from '@maxhub/max-bot-api';
import type { Button, InlineKeyboardAttachmentRequest } from '@maxhub/max-bot-api/types';
import type { SharedFile } from '../../../core/kernel/content/content';
import type { OutgoingButton, OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { htmlParts } from '../chat-html/html-parts';

/** One `POST /messages` that shows (part of) a message: its HTML, a file to upload first, the keyboard. */
export interface MaxSend {
  readonly text: string;
  readonly file?: { readonly shared: SharedFile; readonly as: 'image' | 'file' };
  readonly keyboard?: InlineKeyboardAttachmentRequest;
}

/** MAX takes 4000 characters a message; the rest is room for tags. */
const maxMessageLength = 3700;
/** MAX shows at most 30 rows of buttons (and 210 in all). */
const maxRows = 30;
/** A button's label may be 128 characters. */
const maxLabelLength = 128;

/**
 * A message as MAX shows it, in `format: 'html'`: the same parts as Telegram's (`htmlParts`), a
 * PNG as a picture and any other file as a file, the buttons one per row under the last part.
 */
export function maxSends(message: OutgoingMessage): MaxSend[] {
  const keyboard = keyboardOf(message.buttons);
  const parts = htmlParts(message, maxMessageLength);
  return parts.map((part, index): MaxSend => {
    const withKeyboard = keyboard && index === parts.length - 1 ? { keyboard } : {};
    if (part.kind === 'text') return { text: part.html, ...withKeyboard };
    return { text: part.caption, file: { shared: part.file, as: part.file.mime === 'image/png' ? 'image' : 'file' }, ...withKeyboard };
  });
}

function keyboardOf(buttons: readonly OutgoingButton[]): InlineKeyboardAttachmentRequest | undefined {
  if (buttons.length === 0) return undefined;
  const rows = buttons.slice(0, maxRows).map((button): Button[] => {
    const label = button.label.slice(0, maxLabelLength);
    return ['url' in button ? Keyboard.button.link(label, button.url) : Keyboard.button.callback(label, button.data)];
  });
  return Keyboard.inlineKeyboard(rows);
}
