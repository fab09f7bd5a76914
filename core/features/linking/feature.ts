import { port, type Feature } from '../../kernel/feature';
import { linkAccount } from './link-account';
import type { ChatIdentities, LinkAttempts } from './ports';

const ports = {
  identities: port<ChatIdentities>('locale', 'linkedAccounts', 'chatsLinkedTo', 'linksOf'),
  attempts: port<LinkAttempts>('status'),
};

export const linking: Feature<typeof ports> = {
  tasks: [{ action: 'link', flow: linkAccount, version: 3, menu: { unlinked: 'main' }, command: true, intents: true }],
  ports,
};
