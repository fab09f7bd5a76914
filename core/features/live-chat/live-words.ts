import { taskButton } from '../../kernel/actions';
import { lines, text, words, type Text } from '../../kernel/text';
import type { OperatorHours } from './operator-hours';

const days: Record<number, Text> = {
  1: text('live-day-1'),
  2: text('live-day-2'),
  3: text('live-day-3'),
  4: text('live-day-4'),
  5: text('live-day-5'),
  6: text('live-day-6'),
  7: text('live-day-7'),
};

const clockTime = (minutes: number) => `${String(Math.floor(minutes / 60)).padStart(2, '0')}:${String(minutes % 60).padStart(2, '0')}`;

/** «пн–пт 09:00–18:00», a stretch a line. */
export function hoursWords(hours: OperatorHours) {
  return lines(
    hours.map((shift) => {
      const first = days[shift.days[0] ?? 1] ?? text('live-day-1');
      const last = days[shift.days.at(-1) ?? 1] ?? first;
      const when = shift.days.length === 1 ? words(first) : words(text('live-days', { first: words(first), last: words(last) }));
      return text('live-shift', { days: when, from: clockTime(shift.from), until: clockTime(shift.until) });
    }),
  );
}

/** The customer's way out, under the queue's messages and the operator's: the same task, asked to end. */
export const leaveQueueButton = () => taskButton('operator', { argument: 'end', label: text('live-leave-queue') });
export const endTalkButton = () => taskButton('operator', { argument: 'end', label: text('live-end') });
