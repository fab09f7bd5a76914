import type { Chat } from '../kernel/chat';
import type { Button } from '../kernel/content/content';
import { taskButton } from '../kernel/actions';
import { text, type Text } from '../kernel/text';
import { activeAccount } from '../features/linking/active-account';
import type { FlowServices } from '../kernel/services';
import { menuTasks } from './tasks';

/**
 * The main menu offers only what this chat can do now, at most six choices so it fits a phone:
 * the rest wait under «Ещё». The runner shows it when a flow ends with `toMenu`.
 */
export async function showMenu(chat: Chat, services: FlowServices, intro?: Text): Promise<void> {
  const active = await activeAccount(chat, services);
  const linked = active !== undefined;
  const buttons: Button[] = menuTasks(linked, 'main').map((task) => taskButton(task.action));
  if (menuTasks(linked, 'more').length > 0) buttons.push(taskButton('more'));
  if (intro) await chat.say(intro);
  await chat.say(active ? text('menu-linked', { account: active }) : text('menu-not-linked'), buttons);
}
