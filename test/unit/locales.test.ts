import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { locales } from '../../core/kernel/locale';
import { Localizer } from '../../core/kernel/localizer';
import { inHelp, tasks } from '../../core/runner/tasks';

const root = join(__dirname, '..', '..');

function sourceFiles(dir: string): string[] {
  return readdirSync(dir).flatMap((name) => {
    const path = join(dir, name);
    return statSync(path).isDirectory() ? sourceFiles(path) : path.endsWith('.ts') ? [path] : [];
  });
}

/**
 * Message ids in code: every `text('…')` call and `taskButton('…')` label, and the ids the task
 * table implies: a label for every task in a menu or with a command, a help line for those /help lists, phrasings for those with intents and those named as phrasings of an argument.
 */
function keysUsedInCode(): string[] {
  const keys = new Set<string>();
  for (const task of tasks) {
    if (task.menu || task.command) keys.add(`action-${task.action}`);
    if (inHelp(task)) keys.add(`help-${task.action}`);
    if (task.intents) keys.add(`intent-${task.action}`);
  }
  for (const file of ['core', 'bots', 'db'].flatMap((dir) => sourceFiles(join(root, dir)))) {
    const source = readFileSync(file, 'utf8');
    for (const match of source.matchAll(/\btext\(\s*'([a-zA-Z0-9-]+)'/g)) keys.add(match[1] as string);
    for (const match of source.matchAll(/\btaskButton\(\s*'([a-z-]+)'/g)) keys.add(`action-${match[1] as string}`);
    // Phrasings that lead to a task's argument rather than to a task of their own (`intent-complaint`).
    for (const match of source.matchAll(/'(intent-[a-z-]+)'/g)) keys.add(match[1] as string);
  }
  return [...keys].sort();
}

function keysInLocale(locale: string): string[] {
  const ftl = readFileSync(join(root, 'locales', `${locale}.ftl`), 'utf8');
  return [...ftl.matchAll(/^([a-zA-Z][a-zA-Z0-9_-]*) =/gm)].map((match) => match[1] as string).sort();
}

describe('locales', () => {
  const localizer = new Localizer('Europe/Moscow');
  const used = keysUsedInCode();

  it('finds the keys the code uses, camelCase ones too', () => {
    expect(used).toEqual(expect.arrayContaining(['link-ask-number', 'info-title', 'action-link', 'help-readings', 'intent-pay', 'zone-semiPeak']));
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
