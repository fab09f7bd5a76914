import { localize } from './content/localize';
import type { OutgoingMessage } from './content/outgoing';
import type { Locale } from './locale';
import type { Localizer } from './localizer';
import { text } from './text';

/**
 * What the bot says to anything in a group or a channel, and all it does there: an account's
 * address, balance and readings are for its owner's eyes, not for a group's. `privateChat` opens
 * a private chat with the bot, where the channel has such a link.
 */
export function privateChatsOnly(localizer: Localizer, locale: Locale, privateChat?: string): OutgoingMessage {
  const buttons = privateChat ? [{ label: text('private-chat-open'), url: privateChat }] : [];
  return localize(localizer, locale, { content: { kind: 'text', text: text('private-chats-only') }, buttons });
}
