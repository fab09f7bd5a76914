import type { BroadcastTally } from '../../../core/features/outbox/ports';
import { escapeHtml } from '../../../core/kernel/html';
import { moment, text, type Text } from '../../../core/kernel/text';

/** A broadcast's row: its own cells first (HTML, escaped already), then how it went. */
export interface TallyRow {
  readonly cells: readonly string[];
  readonly tally: BroadcastTally;
}

/**
 * How broadcasts went: when each began, how many chats it was queued to, delivered, given up
 * (the chat blocked the bot, the conversation is gone) and still waiting. Each row names its
 * broadcast, so that a test or a curious operator can find it.
 */
export function talliesTable(say: (message: Text) => string, leading: readonly Text[], rows: readonly TallyRow[]): string {
  const columns = [
    ...leading,
    text('desk-notices-column-since'),
    text('desk-notices-column-queued'),
    text('desk-notices-column-delivered'),
    text('desk-notices-column-gave-up'),
    text('desk-notices-column-waiting'),
  ];
  const body = rows
    .map(({ cells, tally }) => {
      const waiting = Math.max(0, tally.queued - tally.delivered - tally.gaveUp);
      const since = say(text('desk-notices-at', { at: moment(tally.since) }));
      const counts = [tally.queued, tally.delivered, tally.gaveUp, waiting].map(String);
      return `<tr data-broadcast="${escapeHtml(tally.broadcast)}">${[...cells, since, ...counts].map((cell) => `<td>${cell}</td>`).join('')}</tr>`;
    })
    .join('');
  // Six columns do not fit a phone: the table scrolls on its own, the page does not.
  return `<div class="scroll"><table><thead><tr>${columns.map((column) => `<th>${say(column)}</th>`).join('')}</tr></thead><tbody>${body}</tbody></table></div>`;
}
