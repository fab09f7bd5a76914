import { port, type Feature } from '../../kernel/feature';
import { powerOutage } from './power-outage';
import type { Interruptions } from './ports';

const ports = { interruptions: port<Interruptions>('get', 'active') };

export const interruptions: Feature<typeof ports> = {
  tasks: [{ action: 'outage', flow: powerOutage, version: 1, menu: { linked: 'more', unlinked: 'more' }, command: true, intents: true }],
  ports,
};
