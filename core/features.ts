import type { Chat } from './kernel/chat';
import { showAccountInfo } from './features/account/show-account-info';
import { chooseLanguage } from './features/language/choose-language';
import { linkAccount } from './features/linking/link-account';
import { myAccounts, removeAccount } from './features/accounts/my-accounts';
import { linkedChats } from './features/accounts/linked-chats';
import { accountSettings } from './features/accounts/settings';
import { greet, help, menu, more, cancel, notUnderstood, notText } from './features/menu/menu-flows';
import { pay } from './features/pay/pay';
import { monthlyReceipt } from './features/receipts/monthly-receipt';
import { eReceipt } from './features/e-receipt/e-receipt';
import { fileAppeal } from './features/appeals/file-appeal';
import { myAppeals } from './features/appeals/my-appeals';
import { receipts } from './features/receipts/receipts';
import { chargesAndPayments, paymentHistory } from './features/statements/charges-and-payments';
import { readingsHistory } from './features/readings/readings-history';
import { submitReadings } from './features/readings/submit-readings';
import type { FlowServices } from './runner/services';

/** A customer task's flow; `argument` comes from a command (`/readings 12345`) or a button. */
export type Flow = (chat: Chat, services: FlowServices, argument?: string) => Promise<void>;

export type MenuPlace = 'main' | 'more';

export interface Task {
  /** Its name in commands (`/readings`), buttons (`go:readings`) and message ids (`action-readings`). */
  readonly action: string;
  readonly flow: Flow;
  /** Bump when a change would make a saved, half-finished run of the flow replay differently. */
  readonly version: number;
  /** Where the menu offers it: to a chat with a linked account, to one without; absent, not at all. */
  readonly menu?: { readonly linked?: MenuPlace; readonly unlinked?: MenuPlace };
  /** `help-<action>` in /help, and a command in Telegram's command list. */
  readonly command?: boolean;
  /** `intent-<action>` in each locale: phrasings of free text that ask for this task. */
  readonly intents?: boolean;
}

/**
 * Every customer task, once. The main menu, /help, Telegram's command list, free-text intents
 * and the runner's actions are all derived from this table. A new task: its folder under
 * `flows/`, one line here, its texts in one `## section` of each `locales/*.ftl`.
 */
export const tasks = [
  { action: 'start', flow: greet, version: 3, command: true, intents: true },
  { action: 'menu', flow: menu, version: 1, command: true, intents: true },
  { action: 'more', flow: more, version: 1 },
  { action: 'link', flow: linkAccount, version: 3, menu: { unlinked: 'main' }, command: true, intents: true },
  { action: 'accounts', flow: myAccounts, version: 1, menu: { linked: 'more' }, command: true, intents: true },
  { action: 'info', flow: showAccountInfo, version: 2, menu: { linked: 'main' }, command: true, intents: true },
  { action: 'pay', flow: pay, version: 2, menu: { linked: 'main' }, command: true, intents: true },
  { action: 'readings', flow: submitReadings, version: 2, menu: { linked: 'main', unlinked: 'main' }, command: true, intents: true },
  { action: 'receipts', flow: receipts, version: 1, menu: { linked: 'main' }, command: true, intents: true },
  { action: 'history', flow: readingsHistory, version: 2, menu: { linked: 'main' }, command: true, intents: true },
  { action: 'charges', flow: chargesAndPayments, version: 2, menu: { linked: 'more' }, command: true, intents: true },
  { action: 'payments', flow: paymentHistory, version: 2, menu: { linked: 'more' }, command: true, intents: true },
  { action: 'monthly', flow: monthlyReceipt, version: 1, command: true, intents: true },
  { action: 'ereceipt', flow: eReceipt, version: 1, menu: { linked: 'more' }, command: true, intents: true },
  { action: 'appeal', flow: fileAppeal, version: 2, menu: { linked: 'more', unlinked: 'main' }, command: true, intents: true },
  { action: 'appeals', flow: myAppeals, version: 2, menu: { linked: 'more', unlinked: 'more' }, command: true, intents: true },
  { action: 'settings', flow: accountSettings, version: 1, menu: { linked: 'more' }, command: true, intents: true },
  { action: 'chats', flow: linkedChats, version: 1, command: true, intents: true },
  { action: 'unlink', flow: removeAccount, version: 3, command: true, intents: true },
  { action: 'language', flow: chooseLanguage, version: 2, menu: { linked: 'more', unlinked: 'main' }, command: true, intents: true },
  { action: 'help', flow: help, version: 2, menu: { linked: 'more', unlinked: 'main' }, command: true, intents: true },
  { action: 'cancel', flow: cancel, version: 1, command: true, intents: true },
  { action: 'not-understood', flow: notUnderstood, version: 2 },
  { action: 'not-text', flow: notText, version: 1 },
] as const satisfies readonly Task[];

export type TaskAction = (typeof tasks)[number]['action'];

const byAction = new Map<string, Task>(tasks.map((task) => [task.action, task]));

export function taskOf(action: string): Task | undefined {
  return byAction.get(action);
}

/** The menu's entries for a chat, in the table's order. */
export function menuTasks(linked: boolean, place: MenuPlace): Task[] {
  return tasks.filter((task: Task) => (linked ? task.menu?.linked : task.menu?.unlinked) === place);
}

/** Tasks with a command of their own, for a platform's command menu. */
export function commandTasks(): Task[] {
  return tasks.filter((task: Task) => task.command);
}
