import { maskedChat, type LinkedChat, type LinkVia } from './account-settings';
import { moment, text, words, type Text } from '../../kernel/text';
import { channelName } from '../readings/meter-words';

const viaNames: Record<LinkVia, Text> = {
  proof: text('chats-via-proof'),
  invite: text('chats-via-invite'),
};

/** «Telegram •••4321, с 25.11.2026 10:00, по платежу (этот чат)». */
export function chatRow(link: LinkedChat, here: boolean): Text {
  const row = {
    channel: words(channelName(link.chat.channel)),
    chat: maskedChat(link.chat),
    at: moment(new Date(link.linkedAt)),
    via: words(viaNames[link.via]),
  };
  return here ? text('chats-row-here', row) : text('chats-row', row);
}
