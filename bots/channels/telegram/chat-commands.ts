import type { Api } from 'grammy';
import type { BotCommand } from 'grammy/types';
import type { ChatAddress } from '../../../core/kernel/channel';
import { locales, type Locale } from '../../../core/kernel/locale';
import type { Localizer } from '../../../core/kernel/localizer';
import { commandTasks } from '../../../core/runner/tasks';
import { text } from '../../../core/kernel/text';

/** The command list of a chat, linked or not, in one language. */
function commandList(localizer: Localizer, locale: Locale, linked: boolean): BotCommand[] {
  return commandTasks(linked).map((task) => ({ command: task.action, description: localizer.format(locale, text(`action-${task.action}`)) }));
}

/**
 * Telegram's command menu: the bot's default is what an unlinked chat can do (no /info before an
 * account is linked), in each language, Russian also for any other.
 */
export async function registerCommands(api: Api, localizer: Localizer): Promise<void> {
  for (const locale of locales) {
    await api.setMyCommands(commandList(localizer, locale, false), { language_code: locale });
    if (locale === 'ru') await api.setMyCommands(commandList(localizer, locale, false));
  }
}

/**
 * Keeps a chat's command menu to what it can do: once a turn leaves it linked, the linked list in
 * the chat's own scope; once unlinked, that scope goes and the default shows again. What each chat
 * was given is remembered in this process, so Telegram is asked only when it changes.
 */
export function chatCommands(api: Api, localizer: Localizer, isLinked: (chat: ChatAddress) => Promise<boolean>): (chatId: number) => Promise<void> {
  const given = new Map<number, boolean>();
  return async (chatId) => {
    const linked = await isLinked({ channel: 'telegram', id: String(chatId) });
    if ((given.get(chatId) ?? false) === linked) return;
    const scope = { type: 'chat' as const, chat_id: chatId };
    for (const locale of locales) {
      if (linked) await api.setMyCommands(commandList(localizer, locale, true), { scope, language_code: locale });
      else await api.deleteMyCommands({ scope, language_code: locale });
    }
    if (linked) await api.setMyCommands(commandList(localizer, 'ru', true), { scope });
    else await api.deleteMyCommands({ scope });
    given.set(chatId, linked);
  };
}
