import { port, type Feature } from '../../kernel/feature';
import { linkedChats } from './linked-chats';
import { myAccounts, removeAccount } from './my-accounts';
import type { Invites, Settings } from './ports';
import { accountSettings } from './settings';

/** The chat's accounts and an owner's say over them: several accounts, settings, who is linked, invites. */
const ports = { settings: port<Settings>('of'), invites: port<Invites>('peek') };

export const accounts: Feature<typeof ports> = {
  tasks: [
    { action: 'accounts', flow: myAccounts, version: 1, menu: { linked: 'more' }, command: true, intents: true },
    { action: 'settings', flow: accountSettings, version: 1, menu: { linked: 'more' }, command: true, intents: true },
    { action: 'chats', flow: linkedChats, version: 2, command: true, intents: true },
    { action: 'unlink', flow: removeAccount, version: 3, command: true, intents: true },
  ],
  ports,
};
