import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { parseAccountNumber } from '../../kernel/account-number';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/**
 * «Присылать квитанцию сюда каждый месяц»: per chat and account. `on`/`off` (from a button)
 * act at once; without one, the flow says how it stands and offers the other choice.
 * `off:<account>` is the pushed receipt's «Не присылать»: that account's, linked or active or
 * not, since it only stops what this chat itself asked for.
 */
export async function monthlyReceipt(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  const pushed = argument?.startsWith('off:') ? parseAccountNumber(argument.slice('off:'.length)) : null;
  const active = await activeAccount(chat, services);
  const account = pushed?.ok ? pushed.value : active;
  if (!account) return toMenu(text('receipts-not-linked'));
  if (argument === 'on') await services.monthlyReceipts.optIn(chat.address, account, await services.now());
  if (argument === 'off' || pushed?.ok) await services.monthlyReceipts.optOut(chat.address, account);
  const on = await services.monthlyReceipts.isOptedIn(chat.address, account);
  const toggle = on
    ? taskButton('monthly', { argument: 'off', label: text('monthly-receipt-turn-off') })
    : taskButton('monthly', { argument: 'on', label: text('monthly-receipt-turn-on') });
  // The toggle acts on the active account: offered only when that is the one spoken of.
  const buttons = account === active ? [toggle, taskButton('menu')] : [taskButton('menu')];
  await chat.say(on ? text('monthly-receipt-on', { account }) : text('monthly-receipt-off', { account }), buttons);
}
