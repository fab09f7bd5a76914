import type { Chat } from '../chat';
import type { Services } from '../services';
import { text } from '../text';
import { showMenu } from './main-menu';

/** Flows that only say one thing and show the menu again. */
const menuWith = (key: string) => (chat: Chat, services: Services) => showMenu(chat, services, text(key));

export const greet = menuWith('start-greeting');
export const help = menuWith('help-text');
export const cancel = menuWith('cancelled');
export const notUnderstood = menuWith('not-understood');
export const restarted = menuWith('flow-restarted');
export const menu = (chat: Chat, services: Services) => showMenu(chat, services);
