import type { Request } from 'restify';
import { isLocale, type Locale } from '../../../core/kernel/locale';

/** A page's language: asked for (`?lang=en`), else English when the browser prefers it, else Russian. */
export function pageLocale(req: Request): Locale {
  const asked = typeof req.query?.['lang'] === 'string' ? req.query['lang'] : '';
  if (isLocale(asked)) return asked;
  return /^en\b/i.test(req.header('accept-language') ?? '') ? 'en' : 'ru';
}
