import type { Chat, IncomingFile } from '../../kernel/chat';
import type { FlowServices } from '../../kernel/services';
import { toMenu, type FlowEnd } from '../../kernel/flow-end';
import { text, type Text } from '../../kernel/text';
import type { AttachmentRef } from '../../kernel/attachment';
import { fileAppeal } from '../appeals/file-appeal';
import { onDutyWithinMs, type LiveChat } from './ports';
import { operatorsAnswer } from './operator-hours';
import { endTalkButton, hoursWords, leaveQueueButton } from './live-words';
import { queuePlaces, tellQueue } from './queue-place';

type Heard = Awaited<ReturnType<Chat['listen']>>;

/**
 * «Позвать оператора»: in the operators' hours, with one of them on duty, the chat joins the
 * queue and is told its place and the wait; then everything the customer sends (words, photos,
 * documents) goes to the conversation, and the operator's answers come back as pushes, until
 * either side ends it. Outside the hours, or with nobody on duty, an appeal is offered with what
 * the customer wrote. The task left for it is kept aside and offered back when it ends.
 */
export async function talkToOperator(chat: Chat, services: FlowServices, argument?: string): Promise<FlowEnd> {
  if (argument === 'end') return endByCustomer(chat, services);
  const typed = argument?.startsWith('text:') ? argument.slice('text:'.length) : '';
  const now = await services.now();
  const hours = services.policy.operatorHours;
  if (!hours) return offerAppeal(chat, services, text('live-none'), typed);
  if (!operatorsAnswer(hours, now, services.localizer.timeZone)) return offerAppeal(chat, services, text('live-closed', { hours: hoursWords(hours) }), typed);
  const open = await services.liveChats.openOf(chat.address);
  if (!open && (await services.liveChats.operatorsOnDuty(new Date(now.getTime() - onDutyWithinMs))) === 0)
    return offerAppeal(chat, services, text('live-nobody'), typed);
  const live = open ?? (await services.liveChats.join(chat.address, chat.locale, now));
  await greet(chat, services, live, now);
  // Each message is named by its place after those the conversation had when this run began: a retried
  // update is the same message, and a run started again counts on from every message before it.
  const before = await services.liveChats.count(live.id);
  let heard = 0;
  // What the customer asked with («позовите оператора, не проходит оплата») is the conversation's first message.
  let message: Heard = typed === '' ? await chat.listen() : { typed };
  for (; ; message = await chat.listen()) {
    if ('other' in message) {
      // A press of an old question's button is no message; a sticker or a voice message is one the operator cannot take.
      if (message.other !== 'button') await chat.say(text('live-not-passed'));
      continue;
    }
    const files = 'files' in message ? await keptFiles(chat, services, message.files) : [];
    const words = 'typed' in message ? message.typed : '';
    if (words === '' && files.length === 0) continue;
    heard += 1;
    if (!(await passOn(services, live, `${live.id}:customer:${before + heard}`, words, files))) return notPassed(chat, services, words);
  }
}

async function greet(chat: Chat, services: FlowServices, live: LiveChat, now: Date): Promise<void> {
  if (live.status === 'talking') return chat.say(text('live-talking-already'), [endTalkButton()]);
  const places = await queuePlaces(services.liveChats, now);
  const place = places.find((waiting) => waiting.live.id === live.id)?.place;
  // Not in the queue any more: taken between joining and this look (or let go, which its next message tells).
  if (!place) return chat.say(text('live-talking-already'), [endTalkButton()]);
  await services.liveChats.tellPosition(live.id, place.position);
  await chat.say(text('live-queued', { ...place }), [leaveQueueButton()]);
}

/** Into the conversation, once per key; false when the conversation is over. */
async function passOn(services: FlowServices, live: LiveChat, key: string, words: string, files: readonly AttachmentRef[]): Promise<boolean> {
  const added = await services.liveChats.add(live.id, {
    from: 'customer',
    text: words,
    files,
    at: (await services.now()).toISOString(),
    operator: null,
    key,
  });
  // A repeat is this run's own message handed over again (a retried update): kept once, and the run goes on.
  return added !== 'over';
}

/** The customer's photos and documents, kept for the operator; each one refused is said why. */
async function keptFiles(chat: Chat, services: FlowServices, files: readonly IncomingFile[]): Promise<AttachmentRef[]> {
  const kept: AttachmentRef[] = [];
  for (const file of files) {
    const one = await services.appealFiles.keep(chat.address, file);
    if (one.ok) kept.push(one.value);
    else await chat.say(one.error);
  }
  return kept;
}

/** The conversation ended (the operator closed it) before these words reached it: they can go as an appeal. */
async function notPassed(chat: Chat, services: FlowServices, words: string): Promise<FlowEnd> {
  return offerAppeal(chat, services, text('live-not-delivered'), words);
}

async function offerAppeal(chat: Chat, services: FlowServices, why: Text, typed: string): Promise<FlowEnd> {
  // An offer only: asking for an operator again (or anything else) is read afresh.
  chat.settled();
  const choice = await chat.choose(why, [
    { value: 'appeal', label: text('live-write-appeal') },
    { value: 'menu', label: text('action-menu') },
  ]);
  if (choice === 'menu') return toMenu();
  return fileAppeal(chat, services, typed === '' ? undefined : `text:${typed}`);
}

/** «Завершить разговор» or «Выйти из очереди»: the conversation ends, the queue behind it moves. */
async function endByCustomer(chat: Chat, services: FlowServices): Promise<FlowEnd> {
  const open = await services.liveChats.openOf(chat.address);
  if (!open) return toMenu(text('live-none-open'));
  const now = await services.now();
  await services.liveChats.end(open.id, 'customer', now);
  if (open.status === 'waiting') await tellQueue(services, now);
  return toMenu(open.status === 'waiting' ? text('live-left-queue') : text('live-ended'));
}
