import { port, type Feature } from '../../kernel/feature';
import type { DeepLinks } from './ports';
import { greet } from './start';

const ports = { links: port<DeepLinks>('open', 'urls') };

export const start: Feature<typeof ports> = {
  tasks: [{ action: 'start', flow: greet, version: 3, command: true, intents: true }],
  ports,
};
