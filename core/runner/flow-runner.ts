import { ReplayEngine } from '@grammyjs/conversations/out/engine.js';
import type { Input } from '../kernel/chat';
import { taskButton, requestedTask, type TaskRequest } from '../kernel/actions';
import type { Said } from '../kernel/content/content';
import { localize } from '../kernel/content/localize';
import type { OutgoingMessage } from '../kernel/content/outgoing';
import { chatKey, type ChatAddress } from '../kernel/channel';
import { defaultLocale, locales, type Locale } from '../kernel/locale';
import { IntentMatcher } from './intent-matcher';
import { normalise } from './normalise';
import type { Services } from '../kernel/services';
import type { Task } from '../kernel/feature';
import { showMenu } from './main-menu';
import { commandTasks, repliedTask, taskOf } from './tasks';
import { lines, text, type Text } from '../kernel/text';
import { sessionSchema, sessionVersion, type FlowSession, type Waiting } from './flow-session';
import { recordedServices, type Recorder } from './recorded-services';
import { ReplayError } from './replay-error';
import { answersIn, checkedControls } from './saved-run';
import { questionOf, ReplayChat } from './replay-chat';
import type { ChatStates, DeadLetters, TurnWrites } from './state-ports';
import { failsEveryTime, failureKind } from '../kernel/failure-kind';
import { keepable } from '../kernel/typed-text';
import { answerWithoutBilling, keptAsAnswer, thrownAgain } from './billing-away';
import { QuestionLeft, type Leaving } from './question-left';

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
  readonly states: ChatStates;
  readonly deadLetters: DeadLetters;
  readonly onError: (error: unknown, update: ChatUpdate) => void;
  /** Every update's end, and how long it took: what an operator's dashboard counts. */
  readonly onTurn?: (update: ChatUpdate, outcome: TurnOutcome, ms: number) => void;
}

/** How an update ended: answered, a delivery already answered, or failed (to be delivered again). */
export type TurnOutcome = 'handled' | 'duplicate' | 'failed';

/** Hands a reply to the platform; throws when the platform did not take it. */
export type Send = (reply: Reply) => Promise<void>;

/** One update being handled: the update, and the journal its port calls go through. */
interface Turn {
  readonly update: ChatUpdate;
  readonly record: Recorder;
}

/**
 * A delivery whose handling failed this often, each time in a way no retry changes, is set
 * aside: one retry, so that a poison update holds its chat (and, in long polling, every chat
 * behind it) one retry interval at most. An outage is waited for instead: its failures are of
 * another kind, and a store that is down fails the setting aside too.
 */
const setAsideAfterFailures = 2;
/** The runner's own journal entry, beside the port calls' `service.method#n` keys. */
const failuresKey = '$failures';

/** How long a chat is spared a second «we can't process this right now». */
const unavailableNoticeMs = 5 * 60_000;

type Step =
  | { readonly start: Task; readonly argument?: string }
  | { readonly resume: Waiting; readonly input: Input }
  /** A saved run the code no longer matches, built again from its answers (see `rebuilt`). */
  | { readonly rebuild: Waiting; readonly input?: Input };

/** What a turn comes to: the flow's messages and the session after them. */
interface Answered {
  readonly session: FlowSession;
  readonly said: readonly Said[];
}

/** An old button pressed: nothing said in the chat, nothing changed. */
interface Closed {
  readonly messages: [];
  readonly notice: string;
}

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
      commandTasks().flatMap((task) =>
        locales.map((locale) => [normalise(localizer.format(locale, text(`action-${task.action}`))), taskButton(task.action).data] as const),
      ),
    );
  }

  /**
   * Handles an update and sends the reply through `send`. The update counts as delivered only
   * once that is done; any failure is thrown, so the platform delivers it again, and the session
   * stays as it was. A redelivery reuses what the first attempt changed: the results of its port
   * calls are kept (the journal) by the time the next change is made, so no change is made twice,
   * and the reply is computed again from the same session and journal (at least once).
   */
  async handle(delivered: ChatUpdate, send: Send): Promise<Reply> {
    const update = { ...delivered, input: keepableInput(delivered.input) };
    let retried = false;
    const began = Date.now();
    const ended = (outcome: TurnOutcome) => this.options.onTurn?.(update, outcome, Date.now() - began);
    try {
      return await this.options.states.turn(chatKey(update.chat), update.updateId, async (start, writes) => {
        if (start.done) {
          ended('duplicate');
          return { messages: [] };
        }
        const journal = { ...start.journal };
        // Read results wait to be kept with the next change: a retry may read again until then.
        let unkept: Record<string, unknown> = {};
        const record: Recorder = async (key, work, changes) => {
          if (key in journal) return journal[key] as Awaited<ReturnType<typeof work>>;
          const result = await work();
          journal[key] = result;
          unkept[key] = result;
          if (changes) {
            const entries = unkept;
            unkept = {};
            await writes.keep(entries);
          }
          return result;
        };
        let outcome: { session: FlowSession; reply: Reply } | undefined;
        try {
          outcome = await this.outcomeOf({ update, record }, start.session);
          // A reply the platform refuses for good (its text or file) is as stuck as a flow that throws.
          await send(outcome.reply);
        } catch (error) {
          if (!failsEveryTime(error)) throw error;
          const failures = Number(start.journal[failuresKey] ?? 0) + 1;
          if (failures < setAsideAfterFailures) {
            // The retry answers, or sets the update aside and says so: one word to the customer, not two.
            retried = await writes.keep({ [failuresKey]: failures }).then(
              () => true,
              () => false,
            );
            throw error;
          }
          // Only the reply failed: what the flow did stands, and the chat goes on from there.
          const after = outcome
            ? { session: outcome.session, notice: text('update-reply-refused') }
            : { session: start.session, notice: text('update-set-aside') };
          const reply = await this.setAside(update, after, writes, send, { failures, failure: failureKind(error) }).catch(() => {
            throw error;
          });
          ended('handled');
          return reply;
        }
        await writes.finish(outcome.session);
        ended('handled');
        return outcome.reply;
      });
    } catch (error) {
      ended('failed');
      this.options.onError(error, update);
      if (!retried) await this.tellUnavailable(update, send);
      throw error;
    }
  }

  /**
   * An update that failed every time is kept aside for an operator and the customer told, once:
   * its chat goes on from where it was before the update (or, when only its reply was refused,
   * from where the flow took it), and so does every chat behind it.
   */
  private async setAside(
    update: ChatUpdate,
    after: { readonly session: unknown; readonly notice: Text },
    writes: TurnWrites,
    send: Send,
    failed: { failures: number; failure: string },
  ): Promise<Reply> {
    await this.options.deadLetters.setAside({
      chat: chatKey(update.chat),
      updateId: update.updateId,
      inputKind: update.input.kind,
      ...failed,
      at: this.options.services.clock(),
    });
    const session = sessionSchema.safeParse(after.session);
    const locale = session.success ? session.data.locale : (update.localeHint ?? defaultLocale);
    const reply = {
      locale,
      messages: [localize(this.options.services.localizer, locale, { content: { kind: 'text', text: after.notice }, buttons: [] })],
    };
    await send(reply);
    // A chat's first update has no session yet: null keeps it so (no store takes undefined).
    await writes.finish(after.session ?? null);
    return reply;
  }

  private async outcomeOf(turn: Turn, stored: unknown): Promise<{ session: FlowSession; reply: Reply }> {
    const session = await this.load(stored, turn.update);
    const next = await this.respond(session, turn);
    if ('notice' in next) return { session, reply: next };
    const { localizer } = this.options.services;
    return { session: next.session, reply: { locale: next.session.locale, messages: next.said.map((said) => localize(localizer, next.session.locale, said)) } };
  }

  private readonly toldUnavailable = new Map<string, number>();

  /** «We can't process this right now; your message is kept»: once in a while per chat, where it can be sent. */
  private async tellUnavailable(update: ChatUpdate, send: Send): Promise<void> {
    const chat = chatKey(update.chat);
    const now = Date.now();
    if ((this.toldUnavailable.get(chat) ?? 0) > now - unavailableNoticeMs) return;
    this.toldUnavailable.set(chat, now);
    for (const [key, at] of this.toldUnavailable) if (at <= now - unavailableNoticeMs) this.toldUnavailable.delete(key);
    const locale = update.localeHint ?? defaultLocale;
    const message = localize(this.options.services.localizer, locale, { content: { kind: 'text', text: text('service-unavailable') }, buttons: [] });
    await send({ locale, messages: [message] }).catch(() => undefined);
  }

  private async load(saved: unknown, update: ChatUpdate): Promise<FlowSession> {
    const stored = sessionSchema.safeParse(saved);
    if (stored.success) return stored.data.chosen || !update.localeHint ? stored.data : { ...stored.data, locale: update.localeHint };
    const chosen = await this.options.services.identities.locale(update.chat);
    return { v: sessionVersion, locale: chosen ?? update.localeHint ?? defaultLocale, chosen: chosen !== null, runs: 0, buttons: [] };
  }

  private async respond(session: FlowSession, turn: Turn): Promise<Answered | Closed> {
    const input = typedAsButton(session, turn.update.input, this.taskLabels);
    if (input.kind === 'text' && input.text.length > maxInputLength) {
      return { session, said: [said(text('message-too-long', { max: maxInputLength }))] };
    }
    const question = input.kind === 'button' ? questionOf(input.data) : null;
    if (question !== null) return this.answer(turn, session, question, input);

    const replied = input.kind !== 'button' && input.inReplyTo ? repliedTask(input.inReplyTo) : null;
    if (replied) return this.replyTo(turn, session, replied, input);
    const request = requestedTask(input);
    if (request?.action === resumeAction) return this.resumeSuspended(turn, session);
    const task = request && taskOf(request.action);
    if (task) return this.startTask(turn, session, task, request.argument);
    if (session.flow) return this.step(turn, session, { resume: session.flow, input });
    return this.noQuestionWaiting(turn, session, input, request !== null);
  }

  /**
   * A press of a question's button: the question waiting, or the one kept aside (its summary's
   * «Передать» while «Продолжить» is on offer), which then comes back. Any older one is closed.
   */
  private async answer(turn: Turn, session: FlowSession, question: string, input: Input) {
    const { flow, suspended } = session;
    if (flow && question === questionTag(flow)) return this.step(turn, session, { resume: flow, input });
    if (suspended && question === questionTag(suspended)) {
      return this.step(turn, { ...session, flow: suspended, suspended: aside(flow) }, { resume: suspended, input });
    }
    return this.closed(session);
  }

  /** Free text, a file or a sticker with no question waiting for it: a task the words ask for, or the nearest ones. */
  private async noQuestionWaiting(turn: Turn, session: FlowSession, input: Input, command: boolean) {
    // A conversation kept aside (with an operator) takes what the customer writes while nothing else asks.
    const { suspended } = session;
    if (suspended?.listening && !command && input.kind !== 'button')
      return this.step(turn, { ...session, flow: suspended, suspended: undefined }, { resume: suspended, input });
    if (input.kind === 'attachment') return this.step(turn, session, { start: required('not-text'), argument: input.what });
    const intent = input.kind === 'text' && !command ? this.intents.match(input.text) : null;
    if (intent?.action && taskOf(intent.action)) return this.startTask(turn, session, required(intent.action), intent.argument);
    const suggestions = input.kind === 'text' ? this.intents.closest(input.text, 3) : [];
    return this.step(turn, session, { start: required('not-understood'), argument: suggestions.join(',') });
  }

  /**
   * «Отмена» cancels its own task only: the one waiting (what was left aside stays offered), or,
   * with nothing waiting, the one left aside. An older question's «Отмена» is closed.
   */
  private async cancel(turn: Turn, session: FlowSession, task: Task, question: string | undefined) {
    const { flow, suspended } = session;
    if (question !== undefined && (!flow || question !== questionTag(flow))) {
      return this.closed(session);
    }
    return this.step(turn, { ...session, flow: undefined, suspended: flow ? suspended : undefined }, { start: task });
  }

  private async startTask(turn: Turn, session: FlowSession, task: Task, argument: string | undefined) {
    if (task.action === 'cancel') return this.cancel(turn, session, task, argument);
    const { flow, suspended } = session;
    // Asked for again, a task that listens starts anew: what it said last (a place in a queue) may be old.
    if (argument === undefined && flow?.action === task.action && flow.prompt && !flow.settled && !flow.listening) {
      return { session, said: [flow.prompt] };
    }
    if (argument === undefined && suspended?.action === task.action) return this.resumeSuspended(turn, session);
    // A button of the task at hand (a month, a page) answers it anew: the question it came with is not kept aside.
    const left = flow?.action !== task.action && aside(flow) ? { suspended: flow } : {};
    return this.step(turn, { ...session, flow: undefined, ...left }, argument === undefined ? { start: task } : { start: task, argument });
  }

  /**
   * The platform's «reply» to a bot's message that a feature claims (an operator's answer to an
   * appeal): its task starts (unless it is the one at hand) and the reply is its first answer. The
   * second step's port calls are journalled apart from the first's.
   */
  private async replyTo(turn: Turn, session: FlowSession, request: TaskRequest, input: Input) {
    const { flow } = session;
    if (flow?.action === request.action && flow.argument === request.argument) return this.step(turn, session, { resume: flow, input });
    const started = await this.startTask(turn, session, required(request.action), request.argument);
    if (!('session' in started) || !started.session.flow) return started;
    const reply: Turn = { update: turn.update, record: (key, work, changes) => turn.record(`reply:${key}`, work, changes) };
    return this.step(reply, started.session, { resume: started.session.flow, input });
  }

  /** Back to the flow the customer left: its question again, with everything given before. */
  private async resumeSuspended(turn: Turn, session: FlowSession) {
    const { suspended, flow } = session;
    if (!suspended?.prompt) return this.step(turn, session, { start: required('menu') });
    const swapped = { ...session, flow: suspended, suspended: aside(flow) };
    if (isStale(suspended)) return this.step(turn, { ...swapped, flow: undefined }, { rebuild: suspended });
    return { session: swapped, said: [said(text('flow-continued')), suspended.prompt] };
  }

  /** A press of an old question's button: a short word over the chat, and nothing changed. */
  private closed(session: FlowSession): Closed {
    return { messages: [], notice: this.options.services.localizer.format(session.locale, text('question-closed')) };
  }

  private async step(turn: Turn, session: FlowSession, step: Step): Promise<Answered | Closed> {
    if ('resume' in step && isStale(step.resume)) return this.step(turn, session, { rebuild: step.resume, input: step.input });
    const runs = 'start' in step ? session.runs + 1 : session.runs;
    let outcome: Outcome;
    try {
      outcome = 'rebuild' in step ? await this.rebuilt(turn, session, step.rebuild, step.input) : await this.replay(turn, session, step, runs);
    } catch (error) {
      if (!('resume' in step)) throw error;
      if (error instanceof QuestionLeft) {
        const left = aside(step.resume);
        return this.noQuestionWaiting(turn, { ...session, flow: undefined, ...(left && { suspended: left }) }, step.input, false);
      }
      if (!(error instanceof ReplayError)) throw error;
      return this.step(turn, session, { rebuild: step.resume, input: step.input });
    }
    const offered = !outcome.waiting && session.suspended?.prompt ? withResumeOffer(outcome.said, session.suspended) : outcome.said;
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

  /**
   * A saved run the bot's code no longer replays (a deploy changed the flow): the task runs
   * afresh and is given the customer's earlier answers again, one by one, while it asks the same
   * questions, so nothing typed is lost up to the first question that changed, which is asked
   * anew. When every question is the same, the input at hand answers the last one as usual.
   */
  private async rebuilt(turn: Turn, session: FlowSession, saved: Waiting, input: Input | undefined): Promise<Outcome> {
    const task = taskOf(saved.action) ?? required('menu');
    const answers = task.action === saved.action ? answersIn(saved.state) : [];
    const start: Step = saved.argument === undefined || task.action !== saved.action ? { start: task } : { start: task, argument: saved.argument };
    let outcome = await this.replay(turn, session, start, saved.run, false);
    const asksAsBefore = (at: number): Waiting | undefined => {
      const waiting = outcome.waiting;
      return waiting?.asked === at + 1 && waiting.questions[at] === saved.questions[at] ? waiting : undefined;
    };
    let given = 0;
    for (let waiting = asksAsBefore(given); waiting && given < answers.length; waiting = asksAsBefore(given)) {
      outcome = await this.replay(turn, session, { resume: waiting, input: answers[given] as Input }, saved.run, false);
      given += 1;
    }
    const waiting = asksAsBefore(given);
    if (waiting && input && given === answers.length) return this.replay(turn, session, { resume: waiting, input }, saved.run, false);
    return { ...outcome, said: [said(given > 0 ? text('flow-updated') : text('flow-restarted')), ...outcome.said] };
  }

  /** How the input at hand may leave the question `waiting` asks (see `QuestionLeft`). */
  private leaving(task: Task, waiting: Waiting): Leaving {
    return {
      fresh: waiting.asked,
      // «Отмена» leaves only as typed exactly (a label): «сто рублей» is one typo from «стоп».
      asksElsewhere: (typed) => {
        const intent = this.intents.match(typed);
        return intent !== null && intent.action !== task.action && intent.action !== 'cancel' && taskOf(intent.action) !== undefined;
      },
    };
  }

  /** `leavable`: the input at hand may leave its question (see `QuestionLeft`); not while a run is rebuilt from its answers. */
  private async replay(turn: Turn, session: FlowSession, step: Exclude<Step, { rebuild: Waiting }>, run: number, leavable = true): Promise<Outcome> {
    const task = 'start' in step ? step.start : (taskOf(step.resume.action) as Task);
    const leaving = 'resume' in step && leavable ? this.leaving(task, step.resume) : undefined;
    const argument = 'start' in step ? step.argument : step.resume.argument;
    const flowLocale = 'resume' in step ? step.resume.locale : session.locale;
    const flowRun = 'resume' in step ? step.resume.run : run;
    let chat: ReplayChat | undefined;
    const engine = new ReplayEngine(async (controls) => {
      const checked = checkedControls(controls, task.action, 'resume' in step ? step.resume.state : undefined);
      chat = new ReplayChat(
        checked,
        turn.update.chat,
        flowLocale,
        this.options.services.localizer,
        flowRun,
        'resume' in step ? [...step.resume.questions] : [],
        leaving,
      );
      const services = recordedServices(this.options.services, (key, work, changes) =>
        checked
          .action(() => turn.record(key, work, changes).catch(keptAsAnswer), key)
          .then((answer) => thrownAgain(answer as Awaited<ReturnType<typeof work>>)),
      );
      const end = await task.flow(chat, services, argument).catch(answerWithoutBilling);
      if (end) await showMenu(chat, services, end.intro);
    });
    let result;
    if ('resume' in step) {
      result = await engine.replay(supplied(step.resume, step.input));
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
        questions: chat.questions,
        interrupt,
        state: result.state,
        ...(chat.isSettled && { settled: true }),
        ...(chat.isListening && { listening: true }),
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
  if (!task) throw new Error(`No task ${action} in core/features.ts or core/runner/tasks.ts`);
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

/** The tag of the question a flow waits on, as its buttons carry it. */
function questionTag(waiting: Waiting): string {
  return `${waiting.run}.${waiting.asked - 1}`;
}

/** A flow to keep aside while another task runs: one with a question to come back to, and its effect not done yet. */
function aside(flow: Waiting | undefined): Waiting | undefined {
  return flow?.prompt && !flow.settled ? flow : undefined;
}

/** A saved run of an older version of its task, or of a task no longer there. */
function isStale(waiting: Waiting): boolean {
  return taskOf(waiting.action)?.version !== waiting.version;
}

/**
 * The saved run with the input handed to the question it waits on, as a copy: the saved one stays
 * as it was, to be built again from if the code no longer replays it. A saved state the engine
 * cannot take is a `ReplayError`.
 */
function supplied(waiting: Waiting, input: Input): Waiting['state'] {
  // The engine only appends to (and cuts back) the two logs, never changes an entry: copying the logs is enough.
  const state = { send: [...waiting.state.send], receive: [...waiting.state.receive] };
  try {
    ReplayEngine.supply(state, waiting.interrupt, input);
    return state;
  } catch {
    throw new ReplayError(waiting.action, waiting.interrupt, 'input', 'none');
  }
}

/** The last message with buttons gets one more: back to the flow the customer left. */
function withResumeOffer(messages: readonly Said[], suspended: Waiting): readonly Said[] {
  const resume = taskButton(resumeAction, { label: text('resume-button', { task: lines([text(`action-${suspended.action}`)]) }) });
  const index = messages.findLastIndex((message) => message.buttons.length > 0);
  if (index === -1) return [...messages, { content: { kind: 'text', text: text('resume-offer') }, buttons: [resume] }];
  return messages.map((message, at) => (at === index ? { ...message, buttons: [resume, ...message.buttons] } : message));
}

/** Every text of an input as it can be kept: typed text, the replied-to words, the files' names. */
function keepableInput(input: Input): Input {
  if (input.kind === 'button') return input;
  const inReplyTo = input.inReplyTo === undefined ? {} : { inReplyTo: keepable(input.inReplyTo) };
  if (input.kind === 'text') return { ...input, text: keepable(input.text), ...inReplyTo };
  const files = input.files?.map((file) => (file.name === undefined ? file : { ...file, name: keepable(file.name) }));
  return { ...input, ...inReplyTo, ...(files && { files }) };
}
