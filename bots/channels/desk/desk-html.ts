import { escapeHtml } from '../../../core/kernel/html';
import { text, words, type Text } from '../../../core/kernel/text';
import { chatChannels, type ChatChannel } from '../../../core/kernel/channel';
import type { FiledAppeal } from '../../../core/features/appeals/appeal';

/** A text in the desk's words, escaped: what every page body is given to speak with. */
export type Say = (message: Text) => string;

/** The hidden field every form that changes something posts. */
export function csrfField(csrf: string): string {
  return `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`;
}

/** A labelled `<select>` of `choices` (value and its words), `chosen` selected. */
export function selectField<V extends string>(say: Say, id: string, label: Text, choices: readonly (readonly [V, Text])[], chosen: V): string {
  const options = choices.map(([value, words]) => `<option value="${escapeHtml(value)}"${value === chosen ? ' selected' : ''}>${say(words)}</option>`).join('');
  return `<span class="field"><label for="${id}">${say(label)}</label><select id="${id}" name="${id}">${options}</select></span>`;
}

/** A form of one button that posts to `action` (take, release, close, reopen, delete). */
export function buttonForm(say: Say, csrf: string, action: string, label: Text, primary = false): string {
  return `<form method="post" action="${escapeHtml(action)}" class="inline">${csrfField(csrf)}<button type="submit"${primary ? ' class="primary"' : ''}>${say(label)}</button></form>`;
}

/** Where the thread of an appeal is, as its links and forms name it. */
/** A kept file of an appeal or a conversation, opened only by a signed-in operator. */
export function fileHref(file: { readonly id: string }): string {
  return `/desk/files/${encodeURIComponent(file.id)}`;
}

export function appealHref(number: string, tail = ''): string {
  return `/desk/appeals/${encodeURIComponent(number)}${tail}`;
}

const channelNames: Readonly<Record<ChatChannel, Text>> = {
  telegram: text('desk-channel-telegram'),
  max: text('desk-channel-max'),
  webchat: text('desk-channel-webchat'),
};

export const channelChoices = chatChannels.map((channel) => [channel, channelNames[channel]] as const);

/** «Telegram · RU»: where the customer wrote from, and the language the answer goes in. */
export function whereFrom(appeal: Pick<FiledAppeal, 'chat' | 'locale'>): Text {
  return text('desk-channel-language', { channel: words(channelNames[appeal.chat.channel]), language: appeal.locale.toUpperCase() });
}
