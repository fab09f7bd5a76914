import type { Button, Chat } from '../chat';
import type { AccountNumber } from '../domain/account-number';
import { actionButton } from '../global-actions';
import type { Services } from '../services';
import { text, type Text } from '../text';

export function linkedAccounts(chat: Chat, services: Services): Promise<AccountNumber[]> {
  return chat.effect('linked-accounts', () => services.identities.linkedAccounts(chat.address));
}

/** The main menu offers only what this chat can do now: nothing that is not built, no dead ends. */
export async function showMenu(chat: Chat, services: Services, intro?: Text): Promise<void> {
  const [active] = await linkedAccounts(chat, services);
  const buttons: Button[] = active
    ? [actionButton('info'), actionButton('pay'), actionButton('readings'), actionButton('history'), actionButton('charges'), actionButton('payments'), actionButton('link'), actionButton('unlink'), actionButton('language'), actionButton('help')]
    : [actionButton('link'), actionButton('readings'), actionButton('language'), actionButton('help')];
  if (intro) await chat.say(intro);
  await chat.say(active ? text('menu-linked', { account: active }) : text('menu-not-linked'), buttons);
}
