import type { ChatPushes } from '../outbox/ports';
import type { Policy } from '../../kernel/services';
import { taskButton } from '../../kernel/actions';
import { text } from '../../kernel/text';
import { operatorsAnswer } from './operator-hours';
import { onDutyWithinMs, type LiveChats } from './ports';

/**
 * Nobody can take the queue now (the hours are over, or no operator has been on duty for a
 * while): each chat still waiting is let go and told, with an appeal offered, rather than left
 * waiting all night. A chat an operator takes at that moment is hers: only waiting ones go.
 */
export async function releaseUnattendedQueue(
  services: { readonly liveChats: LiveChats; readonly pushes: ChatPushes; readonly policy: Pick<Policy, 'operatorHours'> },
  timeZone: string,
  now: Date,
): Promise<number> {
  const hours = services.policy.operatorHours;
  const answering = hours !== null && operatorsAnswer(hours, now, timeZone);
  if (answering && (await services.liveChats.operatorsOnDuty(new Date(now.getTime() - onDutyWithinMs))) > 0) return 0;
  let released = 0;
  for (const live of await services.liveChats.queue()) {
    if (!(await services.liveChats.letGo(live.id, now))) continue;
    await services.pushes.enqueue([
      {
        chat: live.chat,
        message: text('live-queue-closed'),
        buttons: [taskButton('appeal', { label: text('live-write-appeal') }), taskButton('menu')],
        dedupeKey: `live-released:${live.id}`,
      },
    ]);
    released += 1;
  }
  return released;
}
