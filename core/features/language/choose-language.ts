import type { Chat } from '../../kernel/chat';
import { isLocale, type Locale } from '../../kernel/locale';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/** `argument`: the language already chosen (the web page's language link, `/language en`), else it is asked. */
export async function chooseLanguage(chat: Chat, services: FlowServices, argument = ''): Promise<FlowEnd> {
  const locale = isLocale(argument)
    ? argument
    : await chat.choose<Locale>(text('language-ask'), [
        { value: 'ru', label: text('language-ru') },
        { value: 'en', label: text('language-en') },
      ]);
  await services.identities.setLocale(chat.address, locale);
  await chat.setLocale(locale);
  return toMenu(text('language-changed'));
}
