import { port, type Feature } from '../../kernel/feature';
import type { LiveChats } from './ports';
import { talkToOperator } from './talk-to-operator';

const ports = { liveChats: port<LiveChats>('openOf', 'get', 'queue', 'talking', 'count', 'messages', 'operatorsOnDuty', 'recentTalkMinutes') };

export const liveChat: Feature<typeof ports> = {
  tasks: [{ action: 'operator', flow: talkToOperator, version: 2, menu: { linked: 'more', unlinked: 'more' }, command: true, intents: true }],
  ports,
};
