import type { Chat } from '../../kernel/chat';
import type { Fact } from '../../kernel/content/content';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import type { SupplierContacts } from './ports';

/** «Контакты»: the office and its hours, the phones (dispatch and emergency among them), e-mail and site; the same for every chat. */
export async function showContacts(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const contacts = services.policy.contacts;
  await chat.show({ kind: 'facts', title: text('contacts-title', { supplier: contacts.supplier }), facts: contactFacts(contacts) });
  return toMenu();
}

function contactFacts(contacts: SupplierContacts): Fact[] {
  return [
    { label: text('contacts-emergency'), value: contacts.emergencyPhone },
    { label: text('contacts-dispatch'), value: contacts.dispatchPhone },
    { label: text('contacts-phone'), value: contacts.phone },
    { label: text('contacts-office'), value: contacts.office },
    { label: text('contacts-office-hours'), value: contacts.officeHours },
    ...(contacts.email ? [{ label: text('contacts-email'), value: contacts.email }] : []),
    ...(contacts.site ? [{ label: text('contacts-site'), value: contacts.site }] : []),
  ];
}
