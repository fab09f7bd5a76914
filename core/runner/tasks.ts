import { taskButton, type TaskRequest } from '../kernel/actions';
import type { Chat } from '../kernel/chat';
import type { MenuPlace, Task } from '../kernel/feature';
import { toMenu, type FlowEnd } from '../kernel/flow-end';
import { lines, text } from '../kernel/text';
import { features } from '../features';
import { activeAccount } from '../features/linking/active-account';
import type { FlowServices } from '../kernel/services';

/** «Ещё»: the menu's second page. */
async function more(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const linked = (await activeAccount(chat, services)) !== undefined;
  await chat.say(text('menu-more'), [...menuTasks(linked, 'more').map((task) => taskButton(task.action)), taskButton('menu')]);
}

/** What the bot can do: one line per task that has a command and a place in the menu. */
async function help(chat: Chat): Promise<FlowEnd> {
  const listed = tasks.filter((task) => task.command && task.menu);
  await chat.say(text('help-text', { tasks: lines(listed.map((task) => text(`help-${task.action}`))) }));
  return toMenu();
}

/**
 * Free text that matched no task: a short word and the three tasks nearest to it (`argument`
 * lists them), filled up from the menu.
 */
async function notUnderstood(chat: Chat, services: FlowServices, argument = ''): Promise<FlowEnd> {
  const linked = (await activeAccount(chat, services)) !== undefined;
  const offered = menuTasks(linked, 'main').concat(menuTasks(linked, 'more'));
  const available = (action: string) => offered.some((task) => task.action === action);
  const nearest = argument.split(',').filter((action) => taskOf(action) && available(action));
  const filled = [...new Set([...nearest, ...offered.map((task) => task.action)])].slice(0, 3);
  await chat.say(text('not-understood'), [...filled.map((action) => taskButton(action)), taskButton('menu')]);
}

/**
 * The runner's own tasks: the way around the features' tasks. They read the task list, so they
 * live here rather than in a feature (a feature importing the list would close a circle).
 */
const navigation: readonly Task[] = [
  { action: 'menu', flow: async () => toMenu(), version: 1, command: true, intents: true },
  { action: 'more', flow: more, version: 1 },
  { action: 'help', flow: help, version: 2, menu: { linked: 'more', unlinked: 'main' }, command: true, intents: true },
  { action: 'cancel', flow: async () => toMenu(text('cancelled')), version: 1, command: true, intents: true },
  { action: 'not-understood', flow: notUnderstood, version: 2 },
  /** A photo, a sticker or a file where no question waits for one; `argument` says which. */
  { action: 'not-text', flow: async (_chat, _services, what = 'other') => toMenu(text('not-text', { what })), version: 1 },
];

/** Every task: the features', in the list's order, then the runner's own. */
export const tasks: readonly Task[] = [...features.flatMap((feature) => feature.tasks), ...navigation];

const byAction = new Map<string, Task>(tasks.map((task) => [task.action, task]));

export function taskOf(action: string): Task | undefined {
  return byAction.get(action);
}

/** The menu's entries for a chat, in the list's order. */
export function menuTasks(linked: boolean, place: MenuPlace): Task[] {
  return tasks.filter((task) => (linked ? task.menu?.linked : task.menu?.unlinked) === place);
}

/** Tasks with a command of their own, for a platform's command menu. */
export function commandTasks(): Task[] {
  return tasks.filter((task) => task.command);
}

/** The task a platform «reply» to the bot's message continues, as a feature claims it (see `Feature.replyTo`). */
export function repliedTask(replied: string): TaskRequest | null {
  for (const feature of features) {
    const request = feature.replyTo?.(replied);
    if (request) return request;
  }
  return null;
}
