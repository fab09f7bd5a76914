import { locales } from '../domain/locale';
import type { Localizer } from '../localizer';
import { tasks, type Task } from '../tasks';
import { text } from '../text';
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
    const best = this.scores(words, 0)[0];
    if (!best) return null;
    const number = best.action === 'readings' ? words.find((word) => /^\d{1,9}$/.test(word)) : undefined;
    return number ? { action: best.action, argument: number } : { action: best.action };
  }

  /** Up to `count` tasks the text comes nearest to, for a text that matched none. */
  closest(typed: string, count: number): string[] {
    const words = normalise(typed).split(' ').filter(Boolean);
    return this.scores(words, 1)
      .map((score) => score.action)
      .slice(0, count);
  }

  private scores(words: readonly string[], extraTypos: number): { action: string; score: number }[] {
    const best = new Map<string, number>();
    for (const phrase of this.phrases) {
      let score = 0;
      for (const stem of phrase.stems) {
        if (!words.some((word) => stemMatches(stem, word, extraTypos))) {
          score = 0;
          break;
        }
        score += stem.replace('*', '').length;
      }
      if (score > (best.get(phrase.action) ?? 0)) best.set(phrase.action, score);
    }
    return [...best].map(([action, score]) => ({ action, score })).sort((a, b) => b.score - a.score);
  }
}

function stemMatches(pattern: string, word: string, extraTypos: number): boolean {
  const whole = pattern.endsWith('*');
  const stem = whole ? pattern.slice(0, -1) : pattern;
  if (word === stem) return true;
  if (!whole && stem.length >= 3 && word.startsWith(stem)) return true;
  const typos = (stem.length >= 7 ? 2 : stem.length >= 4 ? 1 : 0) + (stem.length >= 5 ? extraTypos : 0);
  if (typos === 0) return false;
  if (whole) return distance(stem, word) <= typos;
  // A stem with a typo still starts the word: compare it with the word's beginnings of about its length.
  for (let length = stem.length - 1; length <= stem.length + 1; length += 1) {
    if (length <= word.length && length > 0 && distance(stem, word.slice(0, length)) <= typos) return true;
  }
  return false;
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
      if (i > 1 && j > 1 && a[i - 1] === b[j - 2] && a[i - 2] === b[j - 1]) row[j] = Math.min(row[j] as number, ((rows[i - 2] as number[])[j - 2] as number) + 1);
    }
  }
  return (rows[a.length] as number[])[b.length] as number;
}
