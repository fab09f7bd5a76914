import { ReplayEngine, type ReplayState } from '@grammyjs/conversations/out/engine.js';
import { z } from 'zod';
import type { Input, SharedFile } from '../chat';
import { chatKey, type ChatAddress } from '../domain/channel';
import { defaultLocale, locales, type Locale } from '../domain/locale';
import { globalActionOf } from '../global-actions';
import { flowForAction, flows, type Flow, type FlowName } from '../flows';
import type { Services } from '../services';
import { text } from '../text';
import { ReplayChat, type Said } from './replay-chat';
import type { ChatLock, KeyValueStore, UpdateLog } from './state-ports';

export interface ChatUpdate {
  readonly chat: ChatAddress;
  /** The platform's delivery id (Telegram `update_id`, Bot Framework `activity.id`). */
  readonly updateId: string;
  readonly input: Input;
  /** The language the platform says the customer uses; taken for a chat that has not chosen one. */
  readonly localeHint?: Locale;
}

export type OutgoingButton = { readonly label: string; readonly data: string } | { readonly label: string; readonly url: string };

/** A message in words, ready for an adapter to render in its platform's way; with a file, the text is its caption. */
export interface OutgoingMessage {
  readonly text: string;
  readonly buttons: readonly OutgoingButton[];
  readonly file?: SharedFile;
}

/** Bump when the shape below changes; a session of another shape is started afresh. */
const sessionVersion = 1;

const sessionSchema = z.object({
  v: z.literal(sessionVersion),
  locale: z.enum(locales),
  flow: z
    .object({
      name: z.string(),
      version: z.number(),
      locale: z.enum(locales),
      interrupt: z.number(),
      state: z.custom<ReplayState>((value) => typeof value === 'object' && value !== null),
    })
    .optional(),
});

export type FlowSession = z.infer<typeof sessionSchema>;
type Waiting = NonNullable<FlowSession['flow']>;

export interface FlowRunnerOptions {
  readonly services: Services;
  readonly sessions: KeyValueStore<FlowSession>;
  readonly updates: UpdateLog;
  readonly lock: ChatLock;
  readonly onError: (error: unknown, update: ChatUpdate) => void;
}

/**
 * The one runner both channels share: for each input it loads the chat's flow, replays it with
 * the input supplied, and returns what the flow said in the chat's language.
 */
export class FlowRunner {
  constructor(private readonly options: FlowRunnerOptions) {}

  async handle(update: ChatUpdate): Promise<OutgoingMessage[]> {
    const { updates, lock } = this.options;
    const chat = chatKey(update.chat);
    if (!(await updates.firstDelivery(`energobot:update:${chat}:${update.updateId}`))) return [];
    return lock.run(`energobot:lock:${chat}`, () => this.handleInOrder(update));
  }

  private async handleInOrder(update: ChatUpdate): Promise<OutgoingMessage[]> {
    const { sessions, services } = this.options;
    const key = `energobot:session:${chatKey(update.chat)}`;
    const stored = sessionSchema.safeParse(await sessions.read(key));
    const session: FlowSession = stored.success
      ? stored.data
      : { v: sessionVersion, locale: (await services.identities.locale(update.chat)) ?? update.localeHint ?? defaultLocale };

    const action = globalActionOf(update.input);
    const waiting = session.flow;
    let step: Step;
    if (action) step = { start: flowForAction[action] };
    else if (waiting && flows[waiting.name as FlowName]?.version === waiting.version) step = { resume: waiting };
    else if (waiting) step = { start: 'restarted' };
    else step = { start: stored.success ? 'not-understood' : 'start' };

    try {
      const outcome = await this.replay(update, session.locale, step);
      await sessions.write(key, { v: sessionVersion, locale: outcome.locale, ...(outcome.waiting && { flow: outcome.waiting }) });
      return this.render(outcome.locale, outcome.said);
    } catch (error) {
      this.options.onError(error, update);
      return this.render(session.locale, [{ text: text('error-try-again'), buttons: [] }]);
    }
  }

  private async replay(update: ChatUpdate, locale: Locale, step: Step): Promise<Outcome> {
    const name = 'start' in step ? step.start : (step.resume.name as FlowName);
    const flow: Flow = flows[name];
    const flowLocale = 'resume' in step ? step.resume.locale : locale;
    let chat: ReplayChat | undefined;
    const engine = new ReplayEngine(async (controls) => {
      chat = new ReplayChat(controls, update.chat, flowLocale, this.options.services.localizer);
      await flow.run(chat, this.options.services);
    });
    let result;
    if ('resume' in step) {
      ReplayEngine.supply(step.resume.state, step.resume.interrupt, update.input);
      result = await engine.replay(step.resume.state);
    } else {
      result = await engine.play();
    }
    if (result.type === 'thrown') throw result.error;
    if (!chat) throw new Error(`Flow ${name} did not start`);
    const said = chat.said;
    if (result.type !== 'interrupted') return { locale: chat.locale, said };
    const interrupt = result.interrupts[0];
    if (interrupt === undefined) throw new Error(`Flow ${name} stopped without asking`);
    return {
      locale: chat.locale,
      said,
      waiting: { name, version: flow.version, locale: flowLocale, interrupt, state: result.state },
    };
  }

  private render(locale: Locale, said: readonly Said[]): OutgoingMessage[] {
    const { localizer } = this.options.services;
    return said.map((message) => ({
      text: localizer.format(locale, message.text),
      buttons: message.buttons.map((button) =>
        'url' in button ? { label: localizer.format(locale, button.label), url: button.url } : { label: localizer.format(locale, button.label), data: button.data },
      ),
      ...(message.file && { file: message.file }),
    }));
  }
}

type Step = { readonly start: FlowName } | { readonly resume: Waiting };

interface Outcome {
  readonly locale: Locale;
  readonly said: readonly Said[];
  readonly waiting?: Waiting;
}
