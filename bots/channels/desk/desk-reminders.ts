import type { ReminderKind } from '../../../core/features/reminders/ports';
import type { NoticesView } from './desk-notices-view';
import { escapeHtml } from '../../../core/kernel/html';
import { displayPeriod } from '../../../core/kernel/period';
import { text, type Text } from '../../../core/kernel/text';
import { talliesTable } from './desk-broadcast-tallies';

const kindNames: Readonly<Record<ReminderKind, Text>> = {
  readings: text('desk-notices-reminder-readings'),
  payment: text('desk-notices-reminder-payment'),
};

/** «Напоминания»: the months' reminders sent, the newest first, with how each went. */
export function remindersSection(say: (message: Text) => string, reminders: NoticesView['reminders']): string {
  const title = `<h2>${say(text('desk-notices-reminders-title'))}</h2>`;
  if (reminders.length === 0) return `${title}<p>${say(text('desk-notices-reminders-empty'))}</p>`;
  const rows = reminders.map(({ reminder, tally }) => ({ cells: [say(kindNames[reminder.kind]), escapeHtml(displayPeriod(reminder.period))], tally }));
  return `${title}${talliesTable(say, [text('desk-notices-column-reminder'), text('desk-notices-column-month')], rows)}`;
}
