import type { ChatPushes } from '../outbox/ports';
import { text } from '../../kernel/text';
import { onDutyWithinMs, type LiveChat, type LiveChats } from './ports';
import { expectedWaitMinutes } from './queue-wait';
import { leaveQueueButton } from './live-words';

/** The conversations a wait is judged by: the last ones ended. */
const recentTalks = 20;

/** A customer's place in the queue (1: next) and about how long until an operator comes, in minutes. */
export interface QueuePlace {
  readonly position: number;
  readonly minutes: number;
}

/** Every waiting chat's place, first come first, at `now`. */
export async function queuePlaces(liveChats: LiveChats, now: Date): Promise<{ readonly live: LiveChat; readonly place: QueuePlace }[]> {
  const [queue, onDuty, recent] = await Promise.all([
    liveChats.queue(),
    liveChats.operatorsOnDuty(new Date(now.getTime() - onDutyWithinMs)),
    liveChats.recentTalkMinutes(recentTalks),
  ]);
  return queue.map((live, index) => ({ live, place: { position: index + 1, minutes: expectedWaitMinutes(index + 1, onDuty, recent) } }));
}

/**
 * The queue moved (a chat was taken or left): each chat still waiting whose place changed is told
 * its new one, once per place, in order.
 */
export async function tellQueue(services: { readonly liveChats: LiveChats; readonly pushes: ChatPushes }, now: Date): Promise<void> {
  for (const { live, place } of await queuePlaces(services.liveChats, now)) {
    if (!(await services.liveChats.tellPosition(live.id, place.position))) continue;
    await services.pushes.enqueue([
      {
        chat: live.chat,
        message: text('live-queue-moved', { ...place }),
        buttons: [leaveQueueButton()],
        dedupeKey: `live-place:${live.id}:${place.position}`,
      },
    ]);
  }
}
