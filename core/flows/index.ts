import type { Chat } from '../chat';
import type { GlobalAction } from '../global-actions';
import type { Services } from '../services';
import { showAccountInfo } from './account-info';
import { chargesAndPayments, paymentHistory } from './charges-and-payments';
import { chooseLanguage } from './choose-language';
import { linkAccount } from './link-account';
import { cancel, greet, help, menu, notUnderstood, restarted } from './menu-replies';
import { readingsHistory } from './readings-history';
import { submitReadings } from './submit-readings';
import { pay } from './pay';
import { unlinkAccount } from './unlink-account';

export interface Flow {
  /** Bump when a change would make a saved, half-finished run of this flow replay differently. */
  readonly version: number;
  run(chat: Chat, services: Services): Promise<void>;
}

export const flows = {
  start: { version: 1, run: greet },
  menu: { version: 1, run: menu },
  help: { version: 1, run: help },
  cancel: { version: 1, run: cancel },
  'not-understood': { version: 1, run: notUnderstood },
  restarted: { version: 1, run: restarted },
  link: { version: 1, run: linkAccount },
  info: { version: 1, run: showAccountInfo },
  unlink: { version: 1, run: unlinkAccount },
  language: { version: 1, run: chooseLanguage },
  readings: { version: 1, run: submitReadings },
  history: { version: 1, run: readingsHistory },
  charges: { version: 1, run: chargesAndPayments },
  payments: { version: 1, run: paymentHistory },
  pay: { version: 1, run: pay },
} satisfies Record<string, Flow>;

export type FlowName = keyof typeof flows;

export const flowForAction: Record<GlobalAction, FlowName> = {
  start: 'start',
  menu: 'menu',
  help: 'help',
  cancel: 'cancel',
  link: 'link',
  info: 'info',
  unlink: 'unlink',
  language: 'language',
  readings: 'readings',
  history: 'history',
  charges: 'charges',
  payments: 'payments',
  pay: 'pay',
};
