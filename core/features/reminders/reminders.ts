import { parseAccountNumber, type AccountNumber } from '../../kernel/account-number';
import { taskButton } from '../../kernel/actions';
import type { Chat } from '../../kernel/chat';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import type { FlowServices } from '../../kernel/services';
import { text } from '../../kernel/text';
import { pay } from '../pay/pay';
import { submitReadings } from '../readings/submit-readings';
import { isReminderKind, type ReminderKind } from './ports';
import { paymentReminderFrom, reminderHours } from './reminder-schedule';

/** What a reminder's buttons and the offer after a submission ask for: `<kind>:<account>` into the task, `on|stop:<kind>:<account>`. */
type ReminderRequest =
  | { readonly into: ReminderKind; readonly account: AccountNumber }
  | { readonly turn: 'on' | 'stop'; readonly kind: ReminderKind; readonly account: AccountNumber };

/**
 * «Напоминания» of the active account: of the readings window, of the payment falling due, each
 * turned on or off here; from a reminder, one tap stops it or opens the task for its account.
 */
export async function reminders(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  const linked = await services.identities.linkedAccounts(chat.address);
  const request = argument === undefined ? null : parseRequest(argument);
  if (request && !linked.includes(request.account)) return toMenu(text('reminders-not-linked', { account: request.account }));
  if (request && 'into' in request) {
    if (request.into === 'payment') return pay(chat, services, `account:${request.account}`);
    await services.identities.choose(chat.address, request.account, await services.now());
    return submitReadings(chat, services);
  }
  if (request) return turn(chat, services, request.kind, request.account, request.turn === 'on');
  const [account] = linked;
  if (!account) return chat.say(text('reminders-link-first'), [taskButton('link'), taskButton('menu')]);
  return chooseReminders(chat, services, account);
}

async function chooseReminders(chat: Chat, services: FlowServices, account: AccountNumber): Promise<FlowEnd> {
  const on = await services.reminders.of(chat.address, account);
  const { readingsWindow, paymentDueDay } = services.policy.reminders;
  const state = (kind: ReminderKind) => (on.includes(kind) ? 'on' : 'off');
  const choice = await chat.choose(
    text('reminders-ask', {
      account,
      readings: state('readings'),
      payment: state('payment'),
      from: readingsWindow.from,
      to: readingsWindow.to,
      due: paymentDueDay,
      fromHour: reminderHours.from,
      untilHour: reminderHours.until,
    }),
    [
      { value: 'readings', label: on.includes('readings') ? text('reminders-readings-turn-off') : text('reminders-readings-turn-on') },
      { value: 'payment', label: on.includes('payment') ? text('reminders-payment-turn-off') : text('reminders-payment-turn-on') },
      { value: 'menu', label: text('action-menu') },
    ],
  );
  if (choice === 'menu') return toMenu();
  return turn(chat, services, choice, account, !on.includes(choice));
}

async function turn(chat: Chat, services: FlowServices, kind: ReminderKind, account: AccountNumber, on: boolean): Promise<FlowEnd> {
  await services.reminders.set(chat.address, account, kind, on, await services.now());
  const { readingsWindow, paymentDueDay } = services.policy.reminders;
  const args = { kind, account, from: readingsWindow.from, to: readingsWindow.to, due: paymentDueDay, remindFrom: paymentReminderFrom(paymentDueDay) };
  return toMenu(on ? text('reminders-on', args) : text('reminders-off', args));
}

function parseRequest(argument: string): ReminderRequest | null {
  const parts = argument.split(':');
  const number = parseAccountNumber(parts.at(-1) ?? '');
  if (!number.ok) return null;
  const account = number.value;
  const [first = '', second = ''] = parts;
  if (parts.length === 2 && isReminderKind(first)) return { into: first, account };
  if (parts.length === 3 && (first === 'on' || first === 'stop') && isReminderKind(second)) return { turn: first, kind: second, account };
  return null;
}
