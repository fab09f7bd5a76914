import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { FluentBundle, FluentResource, type FluentVariable } from '@fluent/bundle';
import { formatMoney } from './money';
import { locales, type Locale } from './locale';
import type { Text, TextArg } from './text';

export const localesDir = join(__dirname, '..', '..', 'locales');

export class MissingMessageError extends Error {
  constructor(
    readonly locale: Locale,
    readonly key: string,
  ) {
    super(`No message "${key}" in locales/${locale}.ftl`);
  }
}

/** Puts a flow's `Text` into the words of one locale, with money and moments formatted for it. */
export class Localizer {
  private readonly bundles: Map<Locale, FluentBundle>;
  private readonly momentFormats: Map<Locale, Intl.DateTimeFormat>;

  constructor(readonly timeZone: string) {
    this.bundles = new Map(locales.map((locale) => [locale, loadBundle(locale)]));
    this.momentFormats = new Map(
      locales.map((locale) => [
        locale,
        new Intl.DateTimeFormat(locale === 'ru' ? 'ru-RU' : 'en-GB', {
          timeZone,
          day: '2-digit',
          month: '2-digit',
          year: 'numeric',
          hour: '2-digit',
          minute: '2-digit',
        }),
      ]),
    );
  }

  has(locale: Locale, key: string): boolean {
    return this.bundle(locale).hasMessage(key);
  }

  /** Messages without arguments read the same every time (menus, buttons): formatted once. */
  private readonly plain = new Map<string, string>();

  format(locale: Locale, message: Text): string {
    if (message.args) return this.formatted(locale, message);
    const key = `${locale}:${message.key}`;
    let result = this.plain.get(key);
    if (result === undefined) {
      result = this.formatted(locale, message);
      this.plain.set(key, result);
    }
    return result;
  }

  private formatted(locale: Locale, message: Text): string {
    const bundle = this.bundle(locale);
    const pattern = bundle.getMessage(message.key)?.value;
    if (!pattern) throw new MissingMessageError(locale, message.key);
    const args: Record<string, FluentVariable> = {};
    for (const [name, value] of Object.entries(message.args ?? {})) args[name] = this.arg(locale, value);
    const errors: Error[] = [];
    const result = bundle.formatPattern(pattern, args, errors);
    if (errors.length > 0) throw new Error(`locales/${locale}.ftl "${message.key}": ${errors[0]?.message}`);
    return result;
  }

  /** One value as it reads in a locale: a table's cell, a fact's value. */
  value(locale: Locale, value: TextArg): string {
    const formatted = this.arg(locale, value);
    return typeof formatted === 'string' ? formatted : String(formatted);
  }

  private arg(locale: Locale, value: TextArg): FluentVariable {
    if (typeof value === 'string' || typeof value === 'number') return value;
    if ('money' in value) return formatMoney(value.money, locale);
    if ('lines' in value) return value.lines.map((line) => this.format(locale, line)).join('\n');
    return (this.momentFormats.get(locale) as Intl.DateTimeFormat).format(new Date(value.moment));
  }

  private bundle(locale: Locale): FluentBundle {
    return this.bundles.get(locale) as FluentBundle;
  }
}

function loadBundle(locale: Locale): FluentBundle {
  const bundle = new FluentBundle(locale, { useIsolating: false });
  const errors = bundle.addResource(new FluentResource(readFileSync(join(localesDir, `${locale}.ftl`), 'utf8')));
  if (errors.length > 0) throw new Error(`locales/${locale}.ftl: ${errors.map((e) => e.message).join('; ')}`);
  return bundle;
}
