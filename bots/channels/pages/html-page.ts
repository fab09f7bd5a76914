import type { Request } from 'restify';
import { z } from 'zod';
import { isLocale, type Locale } from '../../../core/kernel/locale';

/** restify types the query `any`; a `lang` that is not one string is not asked for. */
const langQuery = z.object({ lang: z.string().catch('') }).catch({ lang: '' });

/** A page's language: asked for (`?lang=en`), else English when the browser prefers it, else Russian. */
export function pageLocale(req: Request): Locale {
  const asked = langQuery.parse(req.query).lang;
  if (isLocale(asked)) return asked;
  return /^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'ru';
}
