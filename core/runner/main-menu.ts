import type { Button, Chat } from '../kernel/chat';
import { taskButton } from '../kernel/actions';
import type { AccountNumber } from '../kernel/account-number';
import type { FlowServices } from './services';
import { menuTasks } from '../features';
import { text, type Text } from '../kernel/text';

export async function activeAccount(chat: Chat, services: FlowServices): Promise<AccountNumber | undefined> {
  const [active] = await services.identities.linkedAccounts(chat.address);
  return active;
}

/**
 * The main menu offers only what this chat can do now, at most six choices so it fits a phone:
 * the rest wait under «Ещё».
 */
export async function showMenu(chat: Chat, services: FlowServices, intro?: Text): Promise<void> {
  const active = await activeAccount(chat, services);
  const linked = active !== undefined;
  const buttons: Button[] = menuTasks(linked, 'main').map((task) => taskButton(task.action));
  if (menuTasks(linked, 'more').length > 0) buttons.push(taskButton('more'));
  if (intro) await chat.say(intro);
  await chat.say(active ? text('menu-linked', { account: active }) : text('menu-not-linked'), buttons);
}

/** «Ещё»: the menu's second page. */
export async function showMoreMenu(chat: Chat, services: FlowServices): Promise<void> {
  const linked = (await activeAccount(chat, services)) !== undefined;
  await chat.say(text('menu-more'), [...menuTasks(linked, 'more').map((task) => taskButton(task.action)), taskButton('menu')]);
}
