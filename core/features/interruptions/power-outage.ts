import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { fail, ok, type Result } from '../../kernel/result';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { activeAccount } from '../linking/active-account';
import { cancelButtons } from '../linking/account-confirmation';
import { inArea, parseArea } from './area';
import { noticeOf } from './tell-interruption';

/**
 * «Нет света?»: the interruptions published for the active account's address (or, in a chat not
 * linked, the address the customer types), with their times; when there is none, the emergency
 * and dispatch numbers and an appeal offered.
 */
export async function powerOutage(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const active = await activeAccount(chat, services);
  const address = active
    ? (await services.accounts.card(active))?.address
    : await chat.ask(text('outage-ask-address'), parseAddress, { buttons: cancelButtons, notTyped: text('outage-type-address') });
  if (!address) return toMenu(text('info-unavailable'));
  const here = (await services.interruptions.active()).filter((interruption) => {
    const area = parseArea(interruption.area);
    return area !== null && inArea(address, area);
  });
  for (const interruption of here) await chat.say(noticeOf(interruption));
  if (here.length > 0) return toMenu();
  const { emergencyPhone, dispatchPhone } = services.policy.contacts;
  await chat.say(text('outage-none', { address, emergency: emergencyPhone, dispatch: dispatchPhone }), [
    taskButton('appeal', { argument: 'topic:outage', label: text('outage-report') }),
    taskButton('menu'),
  ]);
}

/** An address as billing writes it, its locality first: what an area can be matched against. */
function parseAddress(input: string): Result<string> {
  const address = input.trim().replace(/\s+/g, ' ');
  if (address.length > 300 || !parseArea(address)) return fail(text('outage-address-invalid', { example: 'г. Воронеж, ул. Кольцовская, д. 24' }));
  return ok(address);
}
