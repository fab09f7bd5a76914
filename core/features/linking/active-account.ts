import type { AccountNumber } from '../../kernel/account-number';
import type { Chat } from '../../kernel/chat';
import type { FlowServices } from '../../kernel/services';

/** The account the chat acts for now: the one linked or chosen last. */
export async function activeAccount(chat: Chat, services: FlowServices): Promise<AccountNumber | undefined> {
  const [active] = await services.identities.linkedAccounts(chat.address);
  return active;
}
