import { port, type Feature } from '../../kernel/feature';
import type { ReminderSubscriptions } from './ports';
import { reminders as remindersFlow } from './reminders';

const ports = { reminders: port<ReminderSubscriptions>('of') };

export const reminders: Feature<typeof ports> = {
  tasks: [{ action: 'reminders', flow: remindersFlow, version: 1, menu: { linked: 'more' }, command: true, intents: true }],
  ports,
};
