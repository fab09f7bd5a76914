import { locales } from '../kernel/locale';
import type { Localizer } from '../kernel/localizer';
import type { Task } from '../kernel/feature';
import { tasks } from './tasks';
import { text } from '../kernel/text';
import { normalise } from './normalise';

/** What free text asks for: a task, and a number given with it (`показания 12345`). */
export interface Intent {
  readonly action: string;
  readonly argument?: string;
}

interface Phrase {
  readonly action: string;
  /** Word stems, all of which must be in the text. */
  readonly stems: readonly string[];
}

/**
 * A small matcher of free text to tasks, with no outside service: each task lists phrasings in
 * `intent-<action>` of every locale (`|` between phrasings, word stems, `*` after a stem that must
 * be the whole word); a phrasing matches when each of its stems starts a word of the text, with
 * one typo allowed in stems of four letters and two in stems of seven. The longest match wins.
 */
export class IntentMatcher {
  private readonly phrases: readonly Phrase[];

  constructor(localizer: Localizer) {
    this.phrases = tasks
      .filter((task: Task) => task.intents)
      .flatMap((task) =>
        locales.flatMap((locale) =>
          localizer
            .format(locale, text(`intent-${task.action}`))
            .split('|')
            .map((phrasing) => ({ action: task.action, stems: phrasing.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean) }))
            .filter((phrase) => phrase.stems.length > 0),
        ),
      );
  }

  match(typed: string): Intent | null {
    const words = normalise(typed).split(' ').filter(Boolean);
    const best = this.scores(words, { extraTypos: 0, partial: false })[0];
    if (!best) return null;
    const number = best.action === 'readings' ? words.find((word) => /^\d{1,9}$/.test(word)) : undefined;
    return number ? { action: best.action, argument: number } : { action: best.action };
  }

  /** Up to `count` tasks the text comes nearest to, for a text that matched none. */
  closest(typed: string, count: number): string[] {
    const words = normalise(typed).split(' ').filter(Boolean);
    return this.scores(words, { extraTypos: 1, partial: true })
      .map((score) => score.action)
      .slice(0, count);
  }

  /**
   * Each task's best phrasing: the letters of its stems found in the text, less two for each typo.
   * `partial` lets a phrasing count with some stems missing (for suggestions only).
   */
  private scores(words: readonly string[], options: { readonly extraTypos: number; readonly partial: boolean }): { action: string; score: number }[] {
    const best = new Map<string, number>();
    for (const phrase of this.phrases) {
      let score = 0;
      for (const stem of phrase.stems) {
        const typos = Math.min(...words.map((word) => typosIn(stem, word, options.extraTypos)));
        if (typos === Infinity && !options.partial) {
          score = 0;
          break;
        }
        if (typos !== Infinity) score += stem.replace('*', '').length - 2 * typos;
      }
      if (score > (best.get(phrase.action) ?? 0)) best.set(phrase.action, score);
    }
    return [...best].map(([action, score]) => ({ action, score })).sort((a, b) => b.score - a.score);
  }
}

/** How many typos it takes for the word to be the stem (or, for a stem not marked `*`, to start with it); Infinity past the allowance. */
function typosIn(pattern: string, word: string, extraTypos: number): number {
  const whole = pattern.endsWith('*');
  const stem = whole ? pattern.slice(0, -1) : pattern;
  if (word === stem) return 0;
  if (!whole && stem.length >= 3 && word.startsWith(stem)) return 0;
  const allowed = (stem.length >= 7 ? 2 : stem.length >= 4 ? 1 : 0) + (stem.length >= 5 ? extraTypos : 0);
  if (allowed === 0) return Infinity;
  // A stem with a typo still starts the word: compare it with the word's beginnings of about its length.
  const candidates = whole
    ? [word]
    : [stem.length - 1, stem.length, stem.length + 1].filter((length) => length > 0 && length <= word.length).map((length) => word.slice(0, length));
  const fewest = Math.min(...candidates.map((candidate) => distance(stem, candidate)));
  return fewest <= allowed ? fewest : Infinity;
}

/** Damerau–Levenshtein distance (with swapped neighbours), for typos. */
function distance(a: string, b: string): number {
  const rows = Array.from({ length: a.length + 1 }, (_, i) => Array.from({ length: b.length + 1 }, (_, j) => (i === 0 ? j : j === 0 ? i : 0)));
  for (let i = 1; i <= a.length; i += 1) {
    for (let j = 1; j <= b.length; j += 1) {
      const cost = a[i - 1] === b[j - 1] ? 0 : 1;
      const row = rows[i] as number[];
      const above = rows[i - 1] as number[];
      row[j] = Math.min((above[j] as number) + 1, (row[j - 1] as number) + 1, (above[j - 1] as number) + cost);
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1])
        row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
