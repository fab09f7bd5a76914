import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { maskAddress } from '../../kernel/address';
import type { AccountNumber } from '../../kernel/account-number';
import type { FlowServices } from '../../kernel/services';
import { lines, text } from '../../kernel/text';
import { balanceWords } from '../reports/balance-words';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/**
 * «Мои лицевые счета»: the chat's accounts (number, masked address, balance), the active one
 * marked; `switch_<number>` makes one active; adding is linking («Добавить лицевой счёт»), removing asks
 * which and confirms. Every task acts on the active account.
 */
export async function myAccounts(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  const [action, number] = (argument ?? '').split('_');
  if (action === 'switch' && number) return switchTo(chat, services, number);
  if (action === 'remove') return removeAccount(chat, services);
  const linked = await services.identities.linkedAccounts(chat.address);
  if (linked.length === 0) return chat.say(text('accounts-none'), [taskButton('link'), taskButton('menu')]);
  const rows = [];
  for (const [index, account] of linked.entries()) {
    const info = await services.accounts.info(account);
    if (!info) continue;
    const row = { account, address: maskAddress(info.address), balance: balanceWords(info.balance) };
    rows.push(index === 0 ? text('accounts-row-active', row) : text('accounts-row', row));
  }
  await chat.say(text('accounts-list', { count: linked.length, rows: lines(rows) }), [
    ...linked.slice(1).map((account) => taskButton('accounts', { argument: `switch_${account}`, label: text('accounts-switch', { account }) })),
    taskButton('link', { label: text('accounts-add') }),
    taskButton('accounts', { argument: 'remove', label: text('accounts-remove') }),
    taskButton('chats'),
    taskButton('menu'),
  ]);
}

async function switchTo(chat: Chat, services: FlowServices, number: string): Promise<FlowEnd> {
  const chosen = await services.identities.choose(chat.address, number as AccountNumber, await services.now());
  return toMenu(chosen ? text('accounts-switched', { account: number }) : text('accounts-not-linked', { account: number }));
}

/** Removes one of the chat's accounts, with confirmation; says which is active now, or that none is. */
export async function removeAccount(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const linked = await services.identities.linkedAccounts(chat.address);
  if (linked.length === 0) return toMenu(text('unlink-nothing'));
  const picked =
    linked.length === 1
      ? linked[0]
      : await chat.choose<string>(text('accounts-remove-which'), [
          ...linked.map((one) => ({ value: one, label: text('accounts-number', { account: one }) })),
          { value: 'keep', label: text('action-cancel') },
        ]);
  const account = linked.find((one) => one === picked);
  if (!account) return toMenu(text('unlink-kept'));
  const answer = await chat.choose(text('unlink-confirm', { account }), [
    { value: 'yes', label: text('unlink-yes') },
    { value: 'no', label: text('answer-no') },
  ]);
  if (answer === 'no') return toMenu(text('unlink-kept'));
  await services.identities.unlink(chat.address, account);
  const [active] = await services.identities.linkedAccounts(chat.address);
  return toMenu(active ? text('unlink-done-active', { account, active }) : text('unlink-done', { account }));
}
