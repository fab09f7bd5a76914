import type { Feature } from '../../kernel/feature';
import { showContacts } from './show-contacts';

/** The supplier's contacts, read from the policy: no port. */
const ports = {};

export const contacts: Feature<typeof ports> = {
  tasks: [{ action: 'contacts', flow: showContacts, version: 1, menu: { linked: 'more', unlinked: 'more' }, command: true, intents: true }],
  ports,
};
