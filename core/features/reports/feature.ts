import type { Feature } from '../../kernel/feature';
import { chargesAndPayments, paymentHistory } from './charges-and-payments';
import { readingsHistory } from './readings-history';

/** Reports over months: readings, charges and payments, as a table, a chart and a CSV. */
const ports = {};

export const reports: Feature<typeof ports> = {
  tasks: [
    { action: 'history', flow: readingsHistory, version: 3, menu: { linked: 'main' }, command: true, intents: true },
    { action: 'charges', flow: chargesAndPayments, version: 3, menu: { linked: 'more' }, command: true, intents: true },
    { action: 'payments', flow: paymentHistory, version: 3, menu: { linked: 'more' }, command: true, intents: true },
  ],
  ports,
};
