import type { Chat } from '../../chat';
import { taskButton } from '../../actions';
import { parseAppealMessage } from '../../domain/appeal';
import type { FlowServices } from '../../services';
import { lines, moment, text, words, type Text } from '../../text';
import { cancelButtons } from '../link-account/account-confirmation';
import { showMenu } from '../menu/main-menu';
import { statusNames, topicNames } from './appeal-words';
import { appealsMailboxMail } from '../../appeals/mailbox-mail';

/** «В этом разделе собраны электронные обращения за последние три месяца». */
const shownForMs = 92 * 24 * 3600_000;
/** Buttons a list shows: the newest appeals. */
const listed = 8;

/**
 * «Мои обращения»: the chat's appeals of the last three months, newest first; one of them with
 * its thread (`А-2026-000123`); adding to one (`А-2026-000123_add`), from the thread or from the
 * operator's answer.
 */
export async function myAppeals(chat: Chat, services: FlowServices, argument?: string): Promise<void> {
  const [number, add] = (argument ?? '').split('_');
  if (number && add === 'add') return addToAppeal(chat, services, number);
  if (number) return showThread(chat, services, number);
  const appeals = await services.appeals.ofChat(chat.address, new Date((await services.now()).getTime() - shownForMs));
  if (appeals.length === 0) return chat.say(text('appeals-none'), [taskButton('appeal'), taskButton('menu')]);
  await chat.say(
    text('appeals-list', { count: appeals.length }),
    [
      ...appeals.slice(0, listed).map((appeal) =>
        taskButton('appeals', {
          argument: appeal.number,
          label: text('appeals-item', { number: appeal.number, topic: words(topicNames[appeal.topic]), status: words(statusNames[appeal.status]) }),
        }),
      ),
      taskButton('appeal'),
      taskButton('menu'),
    ],
  );
}

async function showThread(chat: Chat, services: FlowServices, number: string): Promise<void> {
  const found = await services.appeals.thread(number, chat.address);
  if (!found) return showMenu(chat, services, text('appeals-not-found', { number }));
  const { appeal, messages } = found;
  const said: Text[] = [
    text('appeals-thread-customer', { at: moment(new Date(appeal.filedAt)), text: appeal.message }),
    ...messages.map((message) =>
      message.from === 'operator' ? text('appeals-thread-operator', { at: moment(new Date(message.at)), text: message.text }) : text('appeals-thread-customer', { at: moment(new Date(message.at)), text: message.text }),
    ),
  ];
  await chat.say(text('appeals-thread', { number: appeal.number, topic: words(topicNames[appeal.topic]), status: words(statusNames[appeal.status]), messages: lines(said) }), [
    ...(appeal.status === 'closed' ? [] : [taskButton('appeals', { argument: `${appeal.number}_add`, label: text('appeals-add') })]),
    taskButton('appeals', { label: text('appeals-all') }),
    taskButton('menu'),
  ]);
}

/** «Дополнить обращение или задать уточняющий вопрос»: the text goes into the thread, for the operator. */
async function addToAppeal(chat: Chat, services: FlowServices, number: string): Promise<void> {
  const found = await services.appeals.thread(number, chat.address);
  if (!found) return showMenu(chat, services, text('appeals-not-found', { number }));
  if (found.appeal.status === 'closed') return chat.say(text('appeals-closed', { number }), [taskButton('appeal'), taskButton('menu')]);
  const message = await chat.ask(text('appeals-ask-addition', { number }), parseAppealMessage, { buttons: cancelButtons, notTyped: text('appeal-type-please') });
  await services.appeals.addMessage(number, { from: 'customer', text: message, at: (await services.now()).toISOString() });
  if (services.policy.appealsMailbox) await services.mail.enqueue(appealsMailboxMail(services.localizer, services.policy.appealsMailbox, found.appeal, message));
  await chat.say(text('appeals-added', { number }), [taskButton('appeals', { argument: number, label: text('appeal-open') }), taskButton('menu')]);
}
