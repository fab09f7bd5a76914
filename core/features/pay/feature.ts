import { port, type Feature } from '../../kernel/feature';
import { pay as payFlow } from './pay';
import type { Payments } from './ports';

const ports = { payments: port<Payments>('pending') };

export const pay: Feature<typeof ports> = {
  tasks: [{ action: 'pay', flow: payFlow, version: 3, menu: { linked: 'main', unlinked: 'main' }, command: true, intents: true }],
  ports,
};
