import { locales } from '../kernel/locale';
import type { Localizer } from '../kernel/localizer';
import type { Task } from '../kernel/feature';
import { tasks } from './tasks';
import { text } from '../kernel/text';
import { normalise } from './normalise';
import { argumentOf } from './intent-arguments';

/** What free text asks for: a task, and what was said with it (`показания 12345`, `оплатить 500`, `квитанция за октябрь`). */
export interface Intent {
  readonly action: string;
  readonly argument?: string;
}

interface Phrase {
  readonly intent: Intent;
  /** Word stems, all of which must be in the text. */
  readonly stems: readonly string[];
}

/** Phrasings that ask for a task with something already chosen: a broken meter is an appeal on replacing it. */
const preset: readonly { readonly key: string; readonly intent: Intent }[] = [
  { key: 'intent-meter-broken', intent: { action: 'appeal', argument: 'topic:meter' } },
];

/**
 * Words that carry no request of their own: a long message counts as an appeal only by the
 * words that remain (greetings and politeness do not make a request long).
 */
const fillers = new Set(
  (
    'в во на за и а но или по с со к у о об от до из для ни же бы ли то мне меня мой моя мое мои я мы вы вас вам нас ' +
    'как что это этот бот пожалуйста пожалуста подскажите скажите здравствуйте добрый доброго день дня вечер утро привет хочу можно ' +
    'the a an i my me to of for in on at is it be do does can could would please hello hi hey how what this that and or with'
  ).split(' '),
);

/** A message with this many words beyond the fillers is an appeal, whatever task words it has («Прошу проверить начисление…»). */
const longMessageWords = 9;
/** A complaint this short («хочу пожаловаться») opens the appeal empty: its words say nothing the message field would need. */
const complaintTextWords = 3;

/**
 * A small matcher of free text to tasks, with no outside service: each task lists phrasings in
 * `intent-<action>` of every locale (`|` between phrasings, word stems, `*` after a stem that must
 * be the whole word); a phrasing matches when each of its stems starts a word of the text, with
 * one typo allowed in stems of four letters and two in stems of seven. The longest match wins.
 * A complaint (`intent-complaint`) or a long message is an appeal candidate, offered with its words.
 */
export class IntentMatcher {
  private readonly phrases: readonly Phrase[];
  private readonly complaints: readonly Phrase[];

  constructor(private readonly localizer: Localizer) {
    const listed = tasks.filter((task: Task) => task.intents).map((task) => ({ key: `intent-${task.action}`, intent: { action: task.action } }));
    this.phrases = [...preset, ...listed].flatMap(({ key, intent }) => this.phrasings(key, intent));
    this.complaints = this.phrasings('intent-complaint', { action: 'appeal' });
  }

  match(typed: string): Intent | null {
    const words = normalise(typed).split(' ').filter(Boolean);
    if (words.length === 0) return null;
    const best = this.request(words);
    // «Что с моей жалобой» asks after appeals filed, and a broken meter names its topic: neither is a new complaint's text.
    if (best && (best.action === 'appeals' || best.argument !== undefined)) return best;
    const content = words.filter((word) => !fillers.has(word)).length;
    const complaint = scores(this.complaints, words, { extraTypos: 0, partial: false }).length > 0;
    // «Позовите оператора, не проходит оплата»: the words beyond the ask go to the operator (or the appeal offered
    // instead); a complaint that names a specialist on the way («прошу специалиста пересчитать…») stays an appeal.
    if (best?.action === 'operator' && !(complaint && content >= complaintTextWords))
      return content > complaintTextWords ? { action: 'operator', argument: `text:${typed.trim()}` } : best;
    if ((complaint && content >= complaintTextWords) || content >= longMessageWords) return { action: 'appeal', argument: `text:${typed.trim()}` };
    if (complaint && !best) return { action: 'appeal' };
    return argumentOf(best?.action, typed);
  }

  /** The task the words ask for; a greeting («Привет, какой тариф?») is the request only when nothing else is asked. */
  private request(words: readonly string[]): Intent | undefined {
    const best = scores(this.phrases, words, { extraTypos: 0, partial: false })[0]?.intent;
    if (best?.action !== 'start') return best;
    const greeting = this.phrases.filter((phrase) => phrase.intent.action === 'start').flatMap((phrase) => phrase.stems);
    const rest = words.filter((word) => greeting.every((stem) => typosIn(stem, word, 0) === Infinity));
    return scores(this.phrases, rest, { extraTypos: 0, partial: false })[0]?.intent ?? best;
  }

  /** Up to `count` tasks the text comes nearest to, for a text that matched none. */
  closest(typed: string, count: number): string[] {
    const words = normalise(typed).split(' ').filter(Boolean);
    const actions = scores(this.phrases, words, { extraTypos: 1, partial: true }).map((score) => score.intent.action);
    return [...new Set(actions)].slice(0, count);
  }

  private phrasings(key: string, intent: Intent): Phrase[] {
    return locales.flatMap((locale) =>
      this.localizer
        .format(locale, text(key))
        .split('|')
        .map((phrasing) => ({ intent, stems: phrasing.trim().toLowerCase().replace(/ё/g, 'е').split(/\s+/).filter(Boolean) }))
        .filter((phrase) => phrase.stems.length > 0),
    );
  }
}

/**
 * Each intent's best phrasing, best first: the letters of its stems found in the text, less two
 * for each typo. `partial` lets a phrasing count with some stems missing (for suggestions only).
 */
function scores(
  phrases: readonly Phrase[],
  words: readonly string[],
  options: { readonly extraTypos: number; readonly partial: boolean },
): { intent: Intent; score: number }[] {
  const best = new Map<Intent, number>();
  for (const phrase of phrases) {
    let score = 0;
    for (const stem of phrase.stems) {
      // A common word is never a typo of a stem: «меня» is not «меню».
      const typos = Math.min(...words.map((word) => (fillers.has(word) ? exactly(stem, word) : typosIn(stem, word, options.extraTypos))));
      if (typos === Infinity && !options.partial) {
        score = 0;
        break;
      }
      const letters = stem.replace('*', '').length;
      // A suggestion is never made from a short word alone («не», «my»).
      if (typos !== Infinity && (!options.partial || letters >= 3)) score += letters - 2 * typos;
    }
    if (score > (best.get(phrase.intent) ?? 0)) best.set(phrase.intent, score);
  }
  return [...best].map(([intent, score]) => ({ intent, score })).sort((a, b) => b.score - a.score);
}

/** 0 when the word is the stem (or starts with a stem not marked `*`), else Infinity. */
function exactly(pattern: string, word: string): number {
  const stem = pattern.replace('*', '');
  return word === stem || (!pattern.endsWith('*') && stem.length >= 3 && word.startsWith(stem)) ? 0 : Infinity;
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
