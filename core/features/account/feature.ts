import { port, type Feature } from '../../kernel/feature';
import type { Accounts } from './ports';
import { showAccountInfo } from './show-account-info';

const ports = { accounts: port<Accounts>('card', 'info', 'hasPayment', 'statements', 'payments', 'tariffs') };

export const account: Feature<typeof ports> = {
  tasks: [{ action: 'info', flow: showAccountInfo, version: 3, menu: { linked: 'main' }, command: true, intents: true }],
  ports,
};
