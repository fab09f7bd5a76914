import { port, type Feature } from '../../kernel/feature';
import type { ReadingHandovers } from './ports';

/** The supplier's billing behind energobot: readings handed over to it, and its events. No task, only ports. */
const ports = { handovers: port<ReadingHandovers>() };

export const billing: Feature<typeof ports> = {
  tasks: [],
  ports,
};
