import type { AttachmentStore } from '../appeals/ports';
import type { ChatPushes } from '../outbox/ports';
import { keepOperatorFiles } from '../appeals/appeal-files';
import { taskButton } from '../../kernel/actions';
import { text, type Text } from '../../kernel/text';
import { keepable } from '../../kernel/typed-text';
import type { LiveChats } from './ports';
import { tellQueue } from './queue-place';
import { endTalkButton } from './live-words';

export interface OperatorSideServices {
  readonly liveChats: LiveChats;
  readonly pushes: ChatPushes;
  readonly attachments: AttachmentStore;
}

/** An operator takes a waiting chat: the customer is told a person is here, and everyone behind moves up. */
export async function takeLiveChat(services: OperatorSideServices, id: number, operator: string, at: Date): Promise<boolean> {
  const live = await services.liveChats.get(id);
  if (!live) return false;
  const took = await services.liveChats.take(id, operator, at);
  // Taken by her already (a double click, a process that died before telling): told again, once by the outbox's key.
  if (!took && !(live.status === 'talking' && live.operator === operator)) return false;
  await services.pushes.enqueue([
    {
      chat: live.chat,
      message: text('live-operator-joined'),
      buttons: [endTalkButton()],
      dedupeKey: `live-taken:${id}`,
    },
  ]);
  await tellQueue(services, at);
  return true;
}

export type SaidOutcome = 'sent' | 'repeated' | 'not-yours' | { readonly refused: Text };

/**
 * The operator's words (and files) to the customer: pushed to the chat, files after the words,
 * and kept in the conversation, each once per key. Queued first: a form resent after a failure
 * in between finishes what the first did, and says nothing twice.
 */
export async function sayToCustomer(
  services: OperatorSideServices,
  id: number,
  operator: string,
  message: { readonly text: string; readonly key: string; readonly files: readonly { readonly name: string; readonly bytes: Buffer }[] },
  at: Date,
): Promise<SaidOutcome> {
  const live = await services.liveChats.get(id);
  if (!live || live.status !== 'talking' || live.operator !== operator) return 'not-yours';
  const kept = await keepOperatorFiles(services.attachments, message.files);
  if (!kept.ok) return { refused: kept.error };
  const said = keepable(message.text);
  const key = `${id}:operator:${message.key}`;
  const queued = await services.pushes.enqueue([
    {
      chat: live.chat,
      message: said === '' ? text('live-operator-files') : text('live-operator-says', { text: said }),
      files: kept.value,
      dedupeKey: `live:${key}`,
    },
  ]);
  const added = await services.liveChats.add(id, { from: 'operator', text: said, files: kept.value, at: at.toISOString(), operator, key });
  // Neither the push nor the conversation took these copies: an earlier post of the form has its own.
  if (queued === 0 && added !== 'added') await services.attachments.discard(kept.value.map((file) => file.id));
  return queued > 0 || added === 'added' ? 'sent' : 'repeated';
}

/** The operator ends the conversation (or lets a waiting chat go): the customer is told, with a way to go on. */
export async function endLiveChat(services: OperatorSideServices, id: number, at: Date): Promise<boolean> {
  const live = await services.liveChats.get(id);
  if (!live) return false;
  const ended = await services.liveChats.end(id, 'operator', at);
  // Ended by an operator already (a resent form, a process that died before telling): the customer is told once all the same.
  if (!ended && live.endedBy !== 'operator') return false;
  await services.pushes.enqueue([
    {
      chat: live.chat,
      message: text('live-ended-by-operator'),
      buttons: [taskButton('appeal', { label: text('live-write-appeal') }), taskButton('menu')],
      dedupeKey: `live-ended:${id}`,
    },
  ]);
  if (ended && live.status === 'waiting') await tellQueue(services, at);
  return true;
}
