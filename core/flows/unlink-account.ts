import type { Chat } from '../chat';
import type { Services } from '../services';
import { text } from '../text';
import { linkedAccounts, showMenu } from './main-menu';

export async function unlinkAccount(chat: Chat, services: Services): Promise<void> {
  const [active] = await linkedAccounts(chat, services);
  if (!active) return showMenu(chat, services, text('unlink-nothing'));
  const answer = await chat.choose(text('unlink-confirm', { account: active }), [
    { value: 'yes', label: text('unlink-yes') },
    { value: 'no', label: text('answer-no') },
  ]);
  if (answer === 'no') return showMenu(chat, services, text('unlink-kept'));
  await chat.effect('unlink', () => services.identities.unlink(chat.address, active));
  await showMenu(chat, services, text('unlink-done', { account: active }));
}
