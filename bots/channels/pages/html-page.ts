import type { Request } from 'restify';
import { z } from 'zod';
import { isLocale, type Locale } from '../../../core/kernel/locale';

/** restify types the query `any`; a `lang` that is not one string is not asked for. */
const langQuery = z.object({ lang: z.string().catch('') }).catch({ lang: '' });

/** The cookie the web chat page sets to the chat's language (`page.js`): the bot's other pages speak it too. */
export const chatLanguageCookie = 'energobot-lang';

/**
 * A page's language: asked for (`?lang=en`), else the one its chat chose (`chosen`, when the page
 * knows its chat), else the web chat's (the cookie), else English when the browser prefers it,
 * else Russian.
 */
export function pageLocale(req: Request, chosen?: Locale | null): Locale {
  const asked = langQuery.parse(req.query).lang;
  if (isLocale(asked)) return asked;
  if (chosen) return chosen;
  const cookie = new RegExp(`(?:^|;\\s*)${chatLanguageCookie}=([a-z]{2})(?:;|$)`).exec(req.header('cookie') ?? '')?.[1] ?? '';
  if (isLocale(cookie)) return cookie;
  return /^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'ru';
}
