import type { Chat } from '../chat';
import type { Services } from '../services';
import { text, type Text } from '../text';
import { showMenu } from './main-menu';

/** Flows that only say one thing and show the menu again. */
const menuWith = (intro: Text) => (chat: Chat, services: Services) => showMenu(chat, services, intro);

export const greet = menuWith(text('start-greeting'));
export const help = menuWith(text('help-text'));
export const cancel = menuWith(text('cancelled'));
export const notUnderstood = menuWith(text('not-understood'));
export const restarted = menuWith(text('flow-restarted'));
export const menu = (chat: Chat, services: Services) => showMenu(chat, services);
