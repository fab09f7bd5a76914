import { taskButton, type TaskRequest } from '../kernel/actions';
import type { Chat } from '../kernel/chat';
import type { MenuPlace, Task } from '../kernel/feature';
import { toMenu, type FlowEnd } from '../kernel/flow-end';
import { lines, text } from '../kernel/text';
import { features } from '../features';
import { activeAccount } from '../features/linking/active-account';
import type { FlowServices } from '../kernel/services';

/** Buttons on one page of «Ещё», as in the main menu: they fit a phone under the conversation. */
const morePageButtons = 6;

/**
 * «Ещё»: the menu's further pages (`argument` is the page's number, from 1), each with «Ещё…» to
 * the next but on the last, and «Меню» on the first or «Назад» on the others.
 */
async function more(chat: Chat, services: FlowServices, argument = '1'): Promise<FlowEnd> {
  const linked = (await activeAccount(chat, services)) !== undefined;
  const pages = morePages(menuTasks(linked, 'more'));
  const index = Math.min(Math.max(Number.parseInt(argument, 10) || 1, 1), pages.length) - 1;
  const buttons = (pages[index] ?? []).map((task) => taskButton(task.action));
  if (index < pages.length - 1) buttons.push(taskButton('more', { argument: String(index + 2) }));
  buttons.push(index === 0 ? taskButton('menu') : taskButton('more', { argument: String(index), label: text('menu-more-back') }));
  await chat.say(text('menu-more'), buttons);
}

/** The tasks split into pages, each leaving room for its navigation: one button on the last page, two before it. */
function morePages(offered: readonly Task[]): Task[][] {
  const pages: Task[][] = [];
  for (let rest = offered; rest.length > 0 || pages.length === 0;) {
    const fits = rest.length <= morePageButtons - 1 ? rest.length : morePageButtons - 2;
    pages.push(rest.slice(0, fits));
    rest = rest.slice(fits);
  }
  return pages;
}

/** Commands every chat has, that the help's own closing line names or that only open a conversation. */
const everywhere = new Set(['start', 'menu', 'cancel']);

/**
 * Whether a chat, linked or not, can use a task: one with a menu place for a chat like this; one
 * without a menu (/chats, /monthly, /unlink) once an account is linked.
 */
/** A task /help lists (with its `help-<action>` line): one with a command of its own, not the way around. */
export function inHelp(task: Task): boolean {
  return task.command === true && !everywhere.has(task.action);
}

function usableBy(task: Task, linked: boolean): boolean {
  if (everywhere.has(task.action)) return true;
  return task.menu ? (linked ? task.menu.linked : task.menu.unlinked) !== undefined : linked;
}

/** What the bot can do for this chat: one line per task with a command it can use. */
async function help(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const linked = (await activeAccount(chat, services)) !== undefined;
  const listed = tasks.filter((task) => inHelp(task) && usableBy(task, linked));
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
  { action: 'more', flow: more, version: 2 },
  { action: 'help', flow: help, version: 3, menu: { linked: 'more', unlinked: 'more' }, command: true, intents: true },
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

/** Tasks with a command of their own, for a platform's command menu: all, or those a chat linked or not can use. */
export function commandTasks(linked?: boolean): Task[] {
  return tasks.filter((task) => task.command && (linked === undefined || usableBy(task, linked)));
}

/** The task a platform «reply» to the bot's message continues, as a feature claims it (see `Feature.replyTo`). */
export function repliedTask(replied: string): TaskRequest | null {
  for (const feature of features) {
    const request = feature.replyTo?.(replied);
    if (request) return request;
  }
  return null;
}
