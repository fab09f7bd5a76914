import { port, type Feature } from '../../kernel/feature';
import { appealNumberIn } from './appeal';
import { fileAppeal } from './file-appeal';
import { myAppeals } from './my-appeals';
import type { AppealFiles, Appeals } from './ports';

const ports = { appeals: port<Appeals>('ofChat', 'thread', 'draft'), appealFiles: port<AppealFiles>() };

export const appeals: Feature<typeof ports> = {
  tasks: [
    { action: 'appeal', flow: fileAppeal, version: 3, menu: { linked: 'more', unlinked: 'main' }, command: true, intents: true },
    { action: 'appeals', flow: myAppeals, version: 2, menu: { linked: 'more', unlinked: 'more' }, command: true, intents: true },
  ],
  ports,
  // A reply to a message about an appeal (the operator's answer) adds to that appeal.
  replyTo: (replied) => {
    const number = appealNumberIn(replied);
    return number ? { action: 'appeals', argument: `${number}_add` } : null;
  },
};
