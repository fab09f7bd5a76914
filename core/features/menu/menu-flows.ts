import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import type { FlowServices } from '../../runner/services';
import { menuTasks, tasks, taskOf, type Task } from '../../features';
import { lines, text } from '../../kernel/text';
import { activeAccount, showMenu, showMoreMenu } from '../../runner/main-menu';
import { openLink } from './open-link';

/** `/start`, or `/start <token>` from a link in an e-mail. */
export const greet = (chat: Chat, services: FlowServices, argument?: string) =>
  argument ? openLink(chat, services, argument) : showMenu(chat, services, text('start-greeting'));
export const menu = (chat: Chat, services: FlowServices) => showMenu(chat, services);
export const more = showMoreMenu;
export const cancel = (chat: Chat, services: FlowServices) => showMenu(chat, services, text('cancelled'));

/** What the bot can do: one line per task that has a command, from the task table. */
export async function help(chat: Chat, services: FlowServices): Promise<void> {
  const listed = tasks.filter((task: Task) => task.command && task.menu);
  await chat.say(text('help-text', { tasks: lines(listed.map((task) => text(`help-${task.action}`))) }));
  await showMenu(chat, services);
}

/**
 * Free text that matched no task: a short word and the three tasks nearest to it (`argument`
 * lists them), filled up from the menu.
 */
export async function notUnderstood(chat: Chat, services: FlowServices, argument = ''): Promise<void> {
  const linked = (await activeAccount(chat, services)) !== undefined;
  const offered = menuTasks(linked, 'main').concat(menuTasks(linked, 'more'));
  const available = (action: string) => offered.some((task) => task.action === action);
  const nearest = argument.split(',').filter((action) => taskOf(action) && available(action));
  const filled = [...new Set([...nearest, ...offered.map((task) => task.action)])].slice(0, 3);
  await chat.say(text('not-understood'), [...filled.map((action) => taskButton(action)), taskButton('menu')]);
}

/** A photo, a sticker or a file where no question waits for one. */
export async function notText(chat: Chat, services: FlowServices, argument = 'other'): Promise<void> {
  await showMenu(chat, services, text('not-text', { what: argument }));
}
