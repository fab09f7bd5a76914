import type { Chat } from '../chat';
import type { Locale } from '../domain/locale';
import type { Services } from '../services';
import { text } from '../text';
import { showMenu } from './main-menu';

export async function chooseLanguage(chat: Chat, services: Services): Promise<void> {
  const locale = await chat.choose<Locale>(text('language-ask'), [
    { value: 'ru', label: text('language-ru') },
    { value: 'en', label: text('language-en') },
  ]);
  await chat.effect('set-locale', () => services.identities.setLocale(chat.address, locale));
  await chat.setLocale(locale);
  await showMenu(chat, services, text('language-changed'));
}
