import type { Chat } from '../../chat';
import type { FlowServices } from '../../services';
import { text } from '../../text';
import { activeAccount, showMenu } from '../menu/main-menu';

export async function unlinkAccount(chat: Chat, services: FlowServices): Promise<void> {
  const active = await activeAccount(chat, services);
  if (!active) return showMenu(chat, services, text('unlink-nothing'));
  const answer = await chat.choose(text('unlink-confirm', { account: active }), [
    { value: 'yes', label: text('unlink-yes') },
    { value: 'no', label: text('answer-no') },
  ]);
  if (answer === 'no') return showMenu(chat, services, text('unlink-kept'));
  await services.identities.unlink(chat.address, active);
  await showMenu(chat, services, text('unlink-done', { account: active }));
}
