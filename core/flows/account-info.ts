import type { Chat } from '../chat';
import type { AccountInfo } from '../domain/account';
import type { Services } from '../services';
import { moment, money, text, type Text } from '../text';
import { linkedAccounts, showMenu } from './main-menu';

/** The web account's «Информация» page, for the chat's active account. */
export async function showAccountInfo(chat: Chat, services: Services): Promise<void> {
  const [active] = await linkedAccounts(chat, services);
  if (!active) return showMenu(chat, services, text('info-not-linked'));
  const info = await chat.effect('account-info', () => services.accounts.info(active));
  if (!info) return showMenu(chat, services, text('info-unavailable'));
  const pending = await chat.effect('pending-payments', () => services.payments.pending(active, services.clock()));
  await chat.say(accountInfoText(info));
  for (const payment of pending) await chat.say(text('info-payment-pending', { amount: money(payment.amount), at: moment(new Date(payment.paidAt)) }));
  await showMenu(chat, services);
}

function accountInfoText(info: AccountInfo): Text {
  return text('info-card', {
    account: info.number,
    demo: info.demo ? 'yes' : 'no',
    address: info.address,
    phone: info.phone ?? '—',
    residents: info.residents,
    seasonalityFactor: info.seasonalityFactor,
    socialNorm: info.socialNormKwh ?? 'none',
    balance: money(Math.abs(info.balance)),
    balanceState: info.balance > 0 ? 'credit' : info.balance < 0 ? 'debt' : 'zero',
    earlierDebt: money(info.earlierDebt),
  });
}
