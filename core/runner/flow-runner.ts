import { ReplayEngine } from '@grammyjs/conversations/out/engine.js';
import type { Input } from '../chat';
import { taskButton, requestedTask } from '../actions';
import type { Said } from '../content/content';
import { localize } from '../content/localize';
import type { OutgoingMessage } from '../content/outgoing';
import { chatKey, type ChatAddress } from '../domain/channel';
import { defaultLocale, locales, type Locale } from '../domain/locale';
import { IntentMatcher } from '../intents/intent-matcher';
import { normalise } from '../intents/normalise';
import type { Services } from '../services';
import { commandTasks, taskOf, type Task } from '../tasks';
import { lines, text } from '../text';
import { sessionSchema, sessionVersion, type FlowSession, type Waiting } from './flow-session';
import { recordedServices } from './recorded-services';
import { questionOf, ReplayChat } from './replay-chat';
import type { ChatLock, KeyValueStore, UpdateLog } from './state-ports';

export interface ChatUpdate {
  readonly chat: ChatAddress;
  /** The platform's delivery id (Telegram `update_id`, Bot Framework `activity.id`). */
  readonly updateId: string;
  readonly input: Input;
  /** The language the platform says the customer uses; followed until the customer chooses one. */
  readonly localeHint?: Locale;
}

/** What the bot answers to one update. */
export interface Reply {
  readonly messages: readonly OutgoingMessage[];
  /** The language the messages are in. */
  readonly locale?: Locale;
  /** A short word for a press of an old button (Telegram shows it over the chat, not in it). */
  readonly notice?: string;
}

/** The longest message read; Telegram's own limit for one text message. */
export const maxInputLength = 4096;

/** The runner's own action: back to the flow the customer left for another task. */
const resumeAction = 'resume';

export interface FlowRunnerOptions {
  readonly services: Services;
  readonly sessions: KeyValueStore<FlowSession>;
  readonly updates: UpdateLog;
  readonly lock: ChatLock;
  readonly onError: (error: unknown, update: ChatUpdate) => void;
}

type Step = { readonly start: Task; readonly argument?: string } | { readonly resume: Waiting; readonly input: Input };

interface Outcome {
  readonly locale: Locale;
  readonly chosen: boolean;
  readonly said: readonly Said[];
  readonly waiting?: Waiting;
}

/**
 * The one runner both channels share: for each input it finds what the customer asks for (an
 * answer to the question waiting, a task, free text), replays the flow with the input supplied,
 * and returns what the flow said in the chat's language.
 */
export class FlowRunner {
  private readonly intents: IntentMatcher;
  /** Each task's label in every language, as typed, to its button's data. */
  private readonly taskLabels: ReadonlyMap<string, string>;

  constructor(private readonly options: FlowRunnerOptions) {
    const { localizer } = options.services;
    this.intents = new IntentMatcher(localizer);
    this.taskLabels = new Map(
      commandTasks().flatMap((task) => locales.map((locale) => [normalise(localizer.format(locale, text(`action-${task.action}`))), taskButton(task.action).data] as const)),
    );
  }

  async handle(update: ChatUpdate): Promise<Reply> {
    const { updates, lock } = this.options;
    const chat = chatKey(update.chat);
    if (!(await updates.firstDelivery(`energobot:update:${chat}:${update.updateId}`))) return { messages: [] };
    return lock.run(`energobot:lock:${chat}`, () => this.handleInOrder(update));
  }

  private async handleInOrder(update: ChatUpdate): Promise<Reply> {
    const key = `energobot:session:${chatKey(update.chat)}`;
    const session = await this.load(key, update);
    try {
      const next = await this.respond(session, update);
      if ('notice' in next) return next;
      await this.options.sessions.write(key, next.session);
      return { locale: next.session.locale, messages: next.said.map((said) => localize(this.options.services.localizer, next.session.locale, said)) };
    } catch (error) {
      this.options.onError(error, update);
      return { locale: session.locale, messages: [localize(this.options.services.localizer, session.locale, { content: { kind: 'text', text: text('error-try-again') }, buttons: [] })] };
    }
  }

  private async load(key: string, update: ChatUpdate): Promise<FlowSession> {
    const stored = sessionSchema.safeParse(await this.options.sessions.read(key));
    if (stored.success) return stored.data.chosen || !update.localeHint ? stored.data : { ...stored.data, locale: update.localeHint };
    const chosen = await this.options.services.identities.locale(update.chat);
    return { v: sessionVersion, locale: chosen ?? update.localeHint ?? defaultLocale, chosen: chosen !== null, runs: 0, buttons: [] };
  }

  private async respond(session: FlowSession, update: ChatUpdate): Promise<{ session: FlowSession; said: readonly Said[] } | { messages: []; notice: string }> {
    const input = typedAsButton(session, update.input, this.taskLabels);
    if (input.kind === 'text' && input.text.length > maxInputLength) {
      return { session, said: [said(text('message-too-long', { max: maxInputLength }))] };
    }
    const question = input.kind === 'button' ? questionOf(input.data) : null;
    if (question !== null) {
      const waiting = session.flow;
      if (!waiting || question !== `${waiting.run}.${waiting.asked - 1}`) {
        return { messages: [], notice: this.options.services.localizer.format(session.locale, text('question-closed')) };
      }
      return this.step(update, session, { resume: waiting, input });
    }

    const request = requestedTask(input);
    if (request?.action === resumeAction) return this.resumeSuspended(update, session);
    const task = request && taskOf(request.action);
    if (task) return this.startTask(update, session, task, request.argument);
    if (session.flow) return this.step(update, session, { resume: session.flow, input });

    if (input.kind === 'attachment') return this.step(update, session, { start: required('not-text'), argument: input.what });
    const intent = input.kind === 'text' && !request ? this.intents.match(input.text) : null;
    if (intent?.action && taskOf(intent.action)) return this.startTask(update, session, required(intent.action), intent.argument);
    const suggestions = input.kind === 'text' ? this.intents.closest(input.text, 3) : [];
    return this.step(update, session, { start: required('not-understood'), argument: suggestions.join(',') });
  }

  private async startTask(update: ChatUpdate, session: FlowSession, task: Task, argument: string | undefined) {
    if (task.action === 'cancel') return this.step(update, { ...session, flow: undefined, suspended: undefined }, { start: task });
    const { flow, suspended } = session;
    if (argument === undefined && flow?.action === task.action && flow.prompt) {
      return { session, said: [flow.prompt] };
    }
    if (argument === undefined && suspended?.action === task.action) return this.resumeSuspended(update, session);
    const left = flow && flow.prompt ? { suspended: flow } : {};
    return this.step(update, { ...session, flow: undefined, ...left }, argument === undefined ? { start: task } : { start: task, argument });
  }

  /** Back to the flow the customer left: its question again, with everything given before. */
  private async resumeSuspended(update: ChatUpdate, session: FlowSession) {
    const { suspended, flow } = session;
    if (!suspended?.prompt) return this.step(update, session, { start: required('menu') });
    const task = taskOf(suspended.action);
    if (!task || task.version !== suspended.version) return this.restart(update, { ...session, suspended: undefined }, task);
    const swapped = { ...session, flow: suspended, suspended: flow?.prompt ? flow : undefined };
    return { session: swapped, said: [said(text('flow-continued')), suspended.prompt] };
  }

  private async step(update: ChatUpdate, session: FlowSession, step: Step): Promise<{ session: FlowSession; said: readonly Said[] }> {
    if ('resume' in step) {
      const task = taskOf(step.resume.action);
      if (!task || task.version !== step.resume.version) return this.restart(update, session, task);
    }
    const runs = 'start' in step ? session.runs + 1 : session.runs;
    let outcome: Outcome;
    try {
      outcome = await this.replay(update, session, step, runs);
    } catch (error) {
      if (!('resume' in step) || !isBadReplay(error)) throw error;
      return this.restart(update, session, taskOf(step.resume.action));
    }
    const offered = 'start' in step && !outcome.waiting && session.suspended?.prompt ? withResumeOffer(outcome.said, session.suspended) : outcome.said;
    const buttons = offered.findLast((message) => message.buttons.length > 0)?.buttons ?? [];
    return {
      said: offered,
      session: {
        v: sessionVersion,
        locale: outcome.locale,
        chosen: session.chosen || outcome.chosen,
        runs,
        ...(outcome.waiting && { flow: outcome.waiting }),
        ...(session.suspended && { suspended: session.suspended }),
        buttons: buttons.flatMap((button) =>
          'data' in button ? [[normalise(this.options.services.localizer.format(outcome.locale, button.label)), button.data] as [string, string]] : [],
        ),
      },
    };
  }

  /** A saved flow that no longer replays (the bot was updated): said so, and the task starts afresh. */
  private async restart(update: ChatUpdate, session: FlowSession, task: Task | undefined) {
    const fresh = await this.step(update, { ...session, flow: undefined }, { start: task ?? required('menu') });
    return { ...fresh, said: [said(text('flow-restarted')), ...fresh.said] };
  }

  private async replay(update: ChatUpdate, session: FlowSession, step: Step, run: number): Promise<Outcome> {
    const task = 'start' in step ? step.start : (taskOf(step.resume.action) as Task);
    const argument = 'start' in step ? step.argument : step.resume.argument;
    const flowLocale = 'resume' in step ? step.resume.locale : session.locale;
    const flowRun = 'resume' in step ? step.resume.run : run;
    let chat: ReplayChat | undefined;
    const engine = new ReplayEngine(async (controls) => {
      chat = new ReplayChat(controls, update.chat, flowLocale, this.options.services.localizer, flowRun);
      const services = recordedServices(this.options.services, (key, work) => controls.action(work, key));
      await task.flow(chat, services, argument);
    });
    let result;
    if ('resume' in step) {
      ReplayEngine.supply(step.resume.state, step.resume.interrupt, step.input);
      result = await engine.replay(step.resume.state);
    } else {
      result = await engine.play();
    }
    if (result.type === 'thrown') throw result.error;
    if (!chat) throw new Error(`Flow ${task.action} did not start`);
    const base = { locale: chat.localeChosen ? chat.locale : session.locale, chosen: chat.localeChosen, said: chat.said };
    if (result.type !== 'interrupted') return base;
    const interrupt = result.interrupts[0];
    if (interrupt === undefined) throw new Error(`Flow ${task.action} stopped without asking`);
    const prompt = chat.said.at(-1) ?? ('resume' in step ? step.resume.prompt : undefined);
    return {
      ...base,
      waiting: {
        action: task.action,
        version: task.version,
        ...(argument !== undefined && { argument }),
        locale: flowLocale,
        run: flowRun,
        asked: chat.asked,
        interrupt,
        state: result.state,
        ...(prompt && { prompt }),
      },
    };
  }
}

function said(message: ReturnType<typeof text>): Said {
  return { content: { kind: 'text', text: message }, buttons: [] };
}

function required(action: string): Task {
  const task = taskOf(action);
  if (!task) throw new Error(`No task ${action} in core/tasks.ts`);
  return task;
}

/**
 * Typing a label of the last message's buttons counts as pressing it, on every channel; so does
 * typing a task's own label («Меню», «Передать показания»), in either language.
 */
function typedAsButton(session: FlowSession, input: Input, taskLabels: ReadonlyMap<string, string>): Input {
  if (input.kind !== 'text') return input;
  const typed = normalise(input.text);
  const data = session.buttons.find(([label]) => label === typed)?.[1] ?? taskLabels.get(typed);
  return data === undefined ? input : { kind: 'button', data };
}

/** The engine's word for a saved state that the flow's code no longer matches. */
function isBadReplay(error: unknown): boolean {
  return error instanceof Error && /^(Bad replay|No op \d+ in state|Op \d+ is invalid)/.test(error.message);
}

/** The last message with buttons gets one more: back to the flow the customer left. */
function withResumeOffer(messages: readonly Said[], suspended: Waiting): readonly Said[] {
  const resume = taskButton(resumeAction, { label: text('resume-button', { task: lines([text(`action-${suspended.action}`)]) }) });
  const index = messages.findLastIndex((message) => message.buttons.length > 0);
  if (index === -1) return [...messages, { content: { kind: 'text', text: text('resume-offer') }, buttons: [resume] }];
  return messages.map((message, at) => (at === index ? { ...message, buttons: [resume, ...message.buttons] } : message));
}
