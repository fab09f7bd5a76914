import type { ReplayControls } from '@grammyjs/conversations/out/engine.js';
import type { Button, Chat, Input, Option, SharedFile } from '../chat';
import type { ChatAddress } from '../domain/channel';
import type { Locale } from '../domain/locale';
import type { Localizer } from '../localizer';
import type { Result } from '../result';
import { text, type Text } from '../text';

export interface Said {
  readonly text: Text;
  readonly buttons: readonly Button[];
  readonly file?: SharedFile;
}

const choicePrefix = 'ch:';

/**
 * The `Chat` port on top of a replay engine. What the flow says is recorded as an action, so a
 * replay does not say it twice; the messages said during this replay are collected in `said`.
 */
export class ReplayChat implements Chat {
  readonly said: Said[] = [];

  constructor(
    private readonly controls: ReplayControls,
    readonly address: ChatAddress,
    public locale: Locale,
    private readonly localizer: Localizer,
  ) {}

  async say(message: Text, buttons: readonly Button[] = []): Promise<void> {
    await this.controls.action(() => {
      this.said.push({ text: message, buttons });
    }, 'say');
  }

  async send(file: SharedFile, caption: Text): Promise<void> {
    await this.controls.action(() => {
      this.said.push({ text: caption, buttons: [], file });
    }, 'send');
  }

  async ask<T>(prompt: Text, parse: (input: string) => Result<T>, buttons: readonly Button[] = []): Promise<T> {
    await this.say(prompt, buttons);
    for (;;) {
      const input = await this.next();
      const parsed: Result<T> = input.kind === 'text' ? parse(input.text) : { ok: false, error: text('answer-expected-typed') };
      if (parsed.ok) return parsed.value;
      await this.say(parsed.error);
      await this.say(prompt, buttons);
    }
  }

  async choose<V extends string>(prompt: Text, options: readonly Option<V>[]): Promise<V> {
    const buttons = options.map((option) => ({ label: option.label, data: choicePrefix + option.value }));
    await this.say(prompt, buttons);
    for (;;) {
      const chosen = this.match(await this.next(), options);
      if (chosen !== null) return chosen;
      await this.say(text('answer-expected-button'));
      await this.say(prompt, buttons);
    }
  }

  effect<R>(key: string, run: () => Promise<R>): Promise<R> {
    return this.controls.action(run, key);
  }

  async setLocale(locale: Locale): Promise<void> {
    this.locale = locale;
  }

  private async next(): Promise<Input> {
    return (await this.controls.interrupt('input')) as Input;
  }

  private match<V extends string>(input: Input, options: readonly Option<V>[]): V | null {
    if (input.kind === 'button') {
      return options.find((option) => choicePrefix + option.value === input.data)?.value ?? null;
    }
    const typed = normalise(input.text);
    return options.find((option) => normalise(this.localizer.format(this.locale, option.label)) === typed)?.value ?? null;
  }
}

function normalise(value: string): string {
  return value
    .toLowerCase()
    .replace(/[^\p{L}\p{N}]+/gu, ' ')
    .trim();
}
