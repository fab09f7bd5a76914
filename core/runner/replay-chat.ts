import { createHash } from 'node:crypto';
import type { ReplayControls } from '@grammyjs/conversations/out/engine.js';
import type { AskOptions, AttachmentKind, Chat, IncomingFile, Input, Option } from '../kernel/chat';
import type { Button } from '../kernel/content/content';
import type { Content, Said } from '../kernel/content/content';
import type { ChatAddress } from '../kernel/channel';
import type { Locale } from '../kernel/locale';
import { normalise } from './normalise';
import { inputKey } from './saved-run';
import type { Localizer } from '../kernel/localizer';
import type { Result } from '../kernel/result';
import { text, type Text } from '../kernel/text';
import { taskButton } from '../kernel/actions';
import { QuestionLeft, type Leaving } from './question-left';

const answerPrefix = 'ch:';
const cancelData = taskButton('cancel').data;

/** The data of an answer button: which run of a flow and which of its questions it answers. */
export const answerData = (question: string, value: string) => `${answerPrefix}${question}:${value}`;

/** The question an answer button belongs to (`run.index`), or null for other data. */
export function questionOf(data: string): string | null {
  return data.startsWith(answerPrefix) ? (data.slice(answerPrefix.length).split(':')[0] ?? null) : null;
}

/**
 * The `Chat` port on top of a replay engine. What the flow says is recorded as an action, so a
 * replay does not say it twice; the messages said during this replay are collected in `said`.
 * Each question's buttons carry the question's tag, so a press on an older question's button is
 * told apart from an answer to the current one.
 */
export class ReplayChat implements Chat {
  readonly said: Said[] = [];
  /** How many questions this run has asked; the one it waits on is `asked - 1`. */
  asked = 0;
  localeChosen = false;
  /** The question waiting is a `listen` (see `Waiting.listening`). */
  isListening = false;
  /** The flow's effect is done (see `Chat.settled`). */
  isSettled = false;
  /** The last thing said in this replay, until a question waits on it. */
  private lastSaid: Said | undefined;

  constructor(
    private readonly controls: ReplayControls,
    readonly address: ChatAddress,
    public locale: Locale,
    private readonly localizer: Localizer,
    /** This run's number in the chat's session: tags its questions. */
    private readonly run: number,
    /**
     * What each question of the run asked, by its words and buttons' labels: a deploy that
     * changes a flow keeps the answers to the questions it still asks the same way.
     */
    readonly questions: string[] = [],
    /** Absent: every input is the flow's to answer (a run rebuilt from saved answers). */
    private readonly leaving?: Leaving,
  ) {}

  say(message: Text, buttons: readonly Button[] = []): Promise<void> {
    return this.show({ kind: 'text', text: message }, buttons);
  }

  async show(content: Content, buttons: readonly Button[] = []): Promise<void> {
    await this.controls.action(() => {
      this.lastSaid = { content, buttons };
      this.said.push(this.lastSaid);
    }, 'say');
  }

  async ask<T>(prompt: Text, parse: (input: string) => Result<T>, options: AskOptions = {}): Promise<T> {
    for (;;) {
      await this.say(prompt, this.withQuestion(options.buttons));
      const input = await this.next();
      const parsed = typedAnswer(input, parse, options.notTyped);
      if (parsed.ok) return parsed.value;
      this.leaveFor(input, false);
      await this.say(parsed.error);
    }
  }

  async choose<V extends string>(prompt: Text, options: readonly Option<V>[]): Promise<V> {
    for (let missed = false; ; missed = true) {
      const question = this.question();
      await this.say(prompt, answerButtons(question, options));
      const input = await this.next();
      const chosen = this.match(input, question, options);
      if (chosen !== null) return chosen;
      this.leaveFor(input, missed);
      await this.say(text('answer-expected-button'));
    }
  }

  async askOrChoose<T, V extends string>(
    prompt: Text,
    parse: (input: string) => Result<T>,
    options: readonly Option<V>[],
    ask: AskOptions = {},
  ): Promise<{ readonly chosen: V } | { readonly typed: T }> {
    for (;;) {
      const question = this.question();
      await this.say(prompt, [...answerButtons(question, options), ...this.withQuestion(ask.buttons)]);
      const input = await this.next();
      const chosen = this.match(input, question, options);
      if (chosen !== null) return { chosen };
      const parsed = typedAnswer(input, parse, ask.notTyped);
      if (parsed.ok) return { typed: parsed.value };
      this.leaveFor(input, false);
      await this.say(parsed.error);
    }
  }

  async askOrAttach<T>(
    prompt: Text,
    parse: (input: string) => Result<T>,
    options: AskOptions = {},
  ): Promise<{ readonly typed: T } | { readonly files: readonly IncomingFile[] }> {
    for (;;) {
      await this.say(prompt, this.withQuestion(options.buttons));
      const input = await this.next();
      if (input.kind === 'attachment' && input.files?.length) return { files: input.files };
      const parsed = typedAnswer(input, parse, options.notTyped);
      if (parsed.ok) return { typed: parsed.value };
      this.leaveFor(input, false);
      await this.say(parsed.error);
    }
  }

  async receiveFiles<V extends string>(
    prompt: Text,
    options: readonly Option<V>[],
    notFile: Text,
  ): Promise<{ readonly chosen: V } | { readonly files: readonly IncomingFile[] }> {
    for (let missed = false; ; missed = true) {
      const question = this.question();
      await this.say(prompt, answerButtons(question, options));
      const input = await this.next();
      const chosen = this.match(input, question, options);
      if (chosen !== null) return { chosen };
      if (input.kind === 'attachment' && input.files?.length) return { files: input.files };
      this.leaveFor(input, missed);
      await this.say(notFile);
    }
  }

  async listen(): Promise<{ readonly typed: string } | { readonly files: readonly IncomingFile[] } | { readonly other: AttachmentKind | 'button' }> {
    const input = await this.next(true);
    if (input.kind === 'text') return { typed: input.text };
    if (input.kind === 'button') return { other: 'button' };
    return input.files?.length ? { files: input.files } : { other: input.what };
  }

  settled(): void {
    this.isSettled = true;
  }

  async setLocale(locale: Locale): Promise<void> {
    this.locale = locale;
    this.localeChosen = true;
  }

  /** The tag of the question about to be asked: its buttons carry it. */
  private question(): string {
    return `${this.run}.${this.asked}`;
  }

  /** A question's «Отмена» cancels that question's task only: an old one is told apart from the current. */
  private withQuestion(buttons: readonly Button[] = []): readonly Button[] {
    const question = this.question();
    return buttons.map((button) => ('data' in button && button.data === cancelData ? taskButton('cancel', { argument: question }) : button));
  }

  /**
   * Typed words the question does not take leave it, when they are the input at hand and ask for
   * another task, or the task's effect is done, or the same question was just missed: the
   * customer is never kept answering «выберите вариант».
   */
  private leaveFor(input: Input, missedBefore: boolean): void {
    if (input.kind !== 'text' || !this.leaving || this.asked !== this.leaving.fresh) return;
    if (this.isSettled || missedBefore || this.leaving.asksElsewhere(input.text)) throw new QuestionLeft();
  }

  private async next(listening = false): Promise<Input> {
    this.isListening = listening;
    // Replayed questions said nothing in this replay: what they asked is the saved run's. A listen
    // that said nothing first asks nothing: its place is kept empty, never a hole (JSON's null).
    if (this.lastSaid !== undefined) this.questions[this.asked] = questionKey(this.lastSaid);
    else this.questions[this.asked] ??= '';
    this.lastSaid = undefined;
    this.asked += 1;
    return (await this.controls.interrupt(inputKey)) as Input;
  }

  private match<V extends string>(input: Input, question: string, options: readonly Option<V>[]): V | null {
    if (input.kind === 'button') return options.find((option) => answerData(question, option.value) === input.data)?.value ?? null;
    if (input.kind !== 'text') return null;
    const typed = normalise(input.text);
    return options.find((option) => normalise(this.localizer.format(this.locale, option.label)) === typed)?.value ?? null;
  }
}

/** What a question asks, by its words and its buttons' labels, short: it is kept with the chat's session. */
function questionKey(prompt: Said): string {
  const asked = JSON.stringify([prompt.content, prompt.buttons.map((button) => button.label)]);
  return createHash('sha256').update(asked).digest('base64url').slice(0, 12);
}

/** The buttons of a question: each option's label, its data tagged with the question. */
function answerButtons<V extends string>(question: string, options: readonly Option<V>[]): Button[] {
  return options.map((option) => ({ label: option.label, data: answerData(question, option.value) }));
}

/** A typed answer parsed; anything else (a button of another question, a photo, a sticker) refused with `notTyped` or the general word. */
function typedAnswer<T>(input: Input, parse: (input: string) => Result<T>, notTyped: Text | undefined): Result<T> {
  if (input.kind === 'text') return parse(input.text);
  return { ok: false, error: input.kind === 'attachment' && notTyped ? notTyped : text('answer-expected-typed') };
}
