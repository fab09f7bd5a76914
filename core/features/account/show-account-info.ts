import type { Chat } from '../../kernel/chat';
import type { Fact } from '../../kernel/content/content';
import type { AccountInfo } from './account';
import { pendingSince } from '../pay/payment';
import type { FlowServices } from '../../kernel/services';
import { moment, money, text, words } from '../../kernel/text';
import { activeAccount } from '../linking/active-account';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';

/** The web account's «Информация» page, for the chat's active account. */
export async function showAccountInfo(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const active = await activeAccount(chat, services);
  if (!active) return toMenu(text('info-not-linked'));
  const info = await services.accounts.info(active);
  if (!info) return toMenu(text('info-unavailable'));
  const pending = await services.payments.pending(active, pendingSince(await services.now()));
  await chat.show({ kind: 'facts', title: text('info-title', { account: info.number, demo: info.demo ? 'yes' : 'no' }), facts: accountFacts(info) });
  if (info.asOf) await chat.say(text('billing-as-of', { at: moment(new Date(info.asOf)) }));
  for (const payment of pending) await chat.say(text('info-payment-pending', { amount: money(payment.amount), at: moment(new Date(payment.paidAt)) }));
  return toMenu();
}

function accountFacts(info: AccountInfo): Fact[] {
  const balanceState = info.balance > 0 ? 'credit' : info.balance < 0 ? 'debt' : 'zero';
  return [
    { label: text('info-address'), value: info.address },
    { label: text('info-phone'), value: info.phone ?? '—' },
    { label: text('info-residents'), value: words(text('info-residents-value', { residents: info.residents })) },
    { label: text('info-seasonality'), value: words(text('info-seasonality-value', { factor: info.seasonalityFactor })) },
    { label: text('info-social-norm'), value: words(text('info-social-norm-value', { norm: info.socialNormKwh ?? 'none' })) },
    { label: text('info-balance'), value: words(text('info-balance-value', { balance: money(Math.abs(info.balance)), state: balanceState })) },
    { label: text('info-earlier-debt', { state: balanceState }), value: money(info.earlierDebt) },
  ];
}
