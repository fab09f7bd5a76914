import type { Feature } from '../../kernel/feature';
import { text } from '../../kernel/text';
import { toMenu } from '../../kernel/flow-end';

/** Short answers to what is not a task: thanks. */
const ports = {};

export const courtesy: Feature<typeof ports> = {
  tasks: [{ action: 'thanks', flow: async () => toMenu(text('thanks-answer')), version: 1, intents: true }],
  ports,
};
