import type { Chat } from '../../chat';
import type { Locale } from '../../domain/locale';
import type { FlowServices } from '../../services';
import { text } from '../../text';
import { showMenu } from '../menu/main-menu';

export async function chooseLanguage(chat: Chat, services: FlowServices): Promise<void> {
  const locale = await chat.choose<Locale>(text('language-ask'), [
    { value: 'ru', label: text('language-ru') },
    { value: 'en', label: text('language-en') },
  ]);
  await services.identities.setLocale(chat.address, locale);
  await chat.setLocale(locale);
  await showMenu(chat, services, text('language-changed'));
}
