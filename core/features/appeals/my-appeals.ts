import type { Chat } from '../../kernel/chat';
import { taskButton } from '../../kernel/actions';
import { parseAppealMessage, type AppealMessage, type FiledAppeal } from './appeal';
import { attachFiles } from './attach-files';
import { megabytes } from '../../kernel/attachment';
import type { FlowServices } from '../../kernel/services';
import { lines, moment, text, words, type Text } from '../../kernel/text';
import { cancelButtons } from '../linking/account-confirmation';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { statusNames, topicNames } from './appeal-words';
import { appealsMailboxMail } from './mailbox-mail';

/** «В этом разделе собраны электронные обращения за последние три месяца». */
const shownForMs = 92 * 24 * 3600_000;
/** Buttons a list shows: the newest appeals. */
const listed = 8;

/** Files a thread sends at once, newest first. */
const filesSent = 10;

/**
 * «Мои обращения»: the chat's appeals of the last three months, newest first; one of them with
 * its thread (`А-2026-000123`) and its files (`А-2026-000123_files`); adding to one
 * (`А-2026-000123_add`), from the thread, from the operator's answer or by replying to it.
 */
export async function myAppeals(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  const [number, part] = (argument ?? '').split('_');
  if (number && part === 'add') return addToAppeal(chat, services, number);
  if (number && part === 'files') return sendFiles(chat, services, number);
  if (number) return showThread(chat, services, number);
  const appeals = await services.appeals.ofChat(chat.address, new Date((await services.now()).getTime() - shownForMs));
  if (appeals.length === 0) return chat.say(text('appeals-none'), [taskButton('appeal'), taskButton('menu')]);
  await chat.say(text('appeals-list', { count: appeals.length }), [
    ...appeals.slice(0, listed).map((appeal) =>
      taskButton('appeals', {
        argument: appeal.number,
        label: text('appeals-item', { number: appeal.number, topic: words(topicNames[appeal.topic]), status: words(statusNames[appeal.status]) }),
      }),
    ),
    taskButton('appeal'),
    taskButton('menu'),
  ]);
}

async function showThread(chat: Chat, services: FlowServices, number: string): Promise<FlowEnd> {
  const found = await services.appeals.thread(number, chat.address);
  if (!found) return toMenu(text('appeals-not-found', { number }));
  const { appeal, messages } = found;
  const said: Text[] = [{ from: 'customer' as const, text: appeal.message, at: appeal.filedAt, files: appeal.attachments }, ...messages].flatMap((message) => [
    message.from === 'operator'
      ? text('appeals-thread-operator', { at: moment(new Date(message.at)), text: message.text })
      : text('appeals-thread-customer', { at: moment(new Date(message.at)), text: message.text }),
    ...(message.files ?? []).map((file) => text('attach-item', { name: file.name, size: megabytes(file.bytes) })),
  ]);
  const fileCount = threadFiles(found).length;
  await chat.say(
    text('appeals-thread', { number: appeal.number, topic: words(topicNames[appeal.topic]), status: words(statusNames[appeal.status]), messages: lines(said) }),
    [
      ...(appeal.status === 'closed' ? [] : [taskButton('appeals', { argument: `${appeal.number}_add`, label: text('appeals-add') })]),
      ...(fileCount > 0 ? [taskButton('appeals', { argument: `${appeal.number}_files`, label: text('appeals-files', { count: fileCount }) })] : []),
      taskButton('appeals', { label: text('appeals-all') }),
      taskButton('menu'),
    ],
  );
}

/** Every file of the thread, the appeal's own first. */
function threadFiles({ appeal, messages }: { readonly appeal: FiledAppeal; readonly messages: readonly AppealMessage[] }) {
  return [
    ...appeal.attachments.map((file) => ({ file, from: 'customer' as const })),
    ...messages.flatMap((message) => (message.files ?? []).map((file) => ({ file, from: message.from }))),
  ];
}

/** The thread's files in the chat, newest first: documents in Telegram, downloads in web chat. */
async function sendFiles(chat: Chat, services: FlowServices, number: string): Promise<FlowEnd> {
  const found = await services.appeals.thread(number, chat.address);
  if (!found) return toMenu(text('appeals-not-found', { number }));
  const files = threadFiles(found).reverse().slice(0, filesSent);
  for (const { file, from } of files) {
    const shared = await services.appealFiles.share(file.id);
    const caption =
      from === 'operator' ? text('appeals-file-operator', { number, name: file.name }) : text('appeals-file-customer', { number, name: file.name });
    if (shared) await chat.show({ kind: 'file', file: shared, caption });
  }
  await chat.say(text('appeals-files-sent', { number }), [taskButton('appeals', { argument: number, label: text('appeal-open') }), taskButton('menu')]);
}

/**
 * «Дополнить обращение или задать уточняющий вопрос»: the text, then files if the customer has
 * any, go into the thread for the operator.
 */
async function addToAppeal(chat: Chat, services: FlowServices, number: string): Promise<FlowEnd> {
  const found = await services.appeals.thread(number, chat.address);
  if (!found) return toMenu(text('appeals-not-found', { number }));
  if (found.appeal.status === 'closed') return chat.say(text('appeals-closed', { number }), [taskButton('appeal'), taskButton('menu')]);
  const first = await chat.askOrAttach(text('appeals-ask-addition', { number }), parseAppealMessage, {
    buttons: cancelButtons,
    notTyped: text('appeal-type-please'),
  });
  // Files first (a photo sent as the reply): they are the addition, with no text.
  const message = 'typed' in first ? first.typed : '';
  const files = await attachFiles(chat, services, [], async () => undefined, 'files' in first ? first.files : []);
  if (message === '' && files.length === 0)
    return chat.say(text('appeals-nothing-added', { number }), [
      taskButton('appeals', { argument: `${number}_add`, label: text('appeals-add') }),
      taskButton('menu'),
    ]);
  await services.appeals.addMessage(number, { from: 'customer', text: message, at: (await services.now()).toISOString(), files });
  if (services.policy.appealsMailbox)
    await services.mail.enqueue(
      appealsMailboxMail(services.localizer, services.policy.appealsMailbox, found.appeal, { kind: 'addition', text: message, files }),
    );
  await chat.say(text('appeals-added', { number }), [taskButton('appeals', { argument: number, label: text('appeal-open') }), taskButton('menu')]);
}
