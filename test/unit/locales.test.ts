import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../core/domain/locale';
import { globalActions } from '../../core/global-actions';
import { Localizer } from '../../core/localizer';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/** Message ids in code: every `text('…')` call and the actions' `action-…` labels. */
function keysUsedInCode(): string[] {
  const keys = new Set(globalActions.map((action) => `action-${action}`));
  for (const file of ['core', 'bots', 'db'].flatMap((dir) => sourceFiles(join(root, dir)))) {
    for (const match of readFileSync(file, 'utf8').matchAll(/\btext\(\s*'([a-z0-9-]+)'/g)) keys.add(match[1] as string);
  }
  return [...keys].sort();
}

function keysInLocale(locale: string): string[] {
  const ftl = readFileSync(join(root, 'locales', `${locale}.ftl`), 'utf8');
  return [...ftl.matchAll(/^([a-z][a-z0-9-]*) =/gm)].map((match) => match[1] as string).sort();
}

describe('locales', () => {
  const localizer = new Localizer('Europe/Moscow');
  const used = keysUsedInCode();

  it('finds the keys the code uses', () => {
    expect(used).toEqual(expect.arrayContaining(['link-ask-number', 'info-card', 'action-link']));
  });

  it.each(locales)('%s has every key used in code', (locale) => {
    expect(used.filter((key) => !localizer.has(locale, key))).toEqual([]);
  });

  it('ru and en have the same keys', () => {
    expect(keysInLocale('en')).toEqual(keysInLocale('ru'));
  });

  it.each(locales)('%s has no key the code does not use', (locale) => {
    expect(keysInLocale(locale).filter((key) => !used.includes(key))).toEqual([]);
  });
});
