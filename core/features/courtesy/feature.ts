import type { Feature } from '../../kernel/feature';
import { taskButton } from '../../kernel/actions';
import { text } from '../../kernel/text';
import { toMenu } from '../../kernel/flow-end';

/** Short answers to what is not a task: thanks, and asking for a person. */
const ports = {};

export const courtesy: Feature<typeof ports> = {
  tasks: [
    { action: 'thanks', flow: async () => toMenu(text('thanks-answer')), version: 1, intents: true },
    {
      action: 'operator',
      // There are no live operators in the chat yet: an appeal reaches one, and is answered here.
      flow: async (chat) => chat.say(text('operator-offer'), [taskButton('appeal'), taskButton('menu')]),
      version: 1,
      intents: true,
    },
  ],
  ports,
};
