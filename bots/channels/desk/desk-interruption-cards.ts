import type { Interruption, InterruptionKind } from '../../../core/features/interruptions/ports';
import { escapeHtml } from '../../../core/kernel/html';
import { moment, text, words, type Text } from '../../../core/kernel/text';
import { talliesTable } from './desk-broadcast-tallies';
import type { NoticesView } from './desk-notices-view';
import { wallClockOf } from './wall-clock';

type Say = (message: Text) => string;
type Changes = NoticesView['interruptions'][number]['changes'];

export const kindNames: Readonly<Record<InterruptionKind, Text>> = {
  planned: text('desk-notices-kind-planned'),
  emergency: text('desk-notices-kind-emergency'),
};

/** «Отключения»: each published interruption, the newest first, with its notices and, while it lasts, its forms. */
export function interruptionsSection(say: Say, csrf: string, view: NoticesView): string {
  const title = `<h2>${say(text('desk-notices-interruptions-title'))}</h2>`;
  const refused = view.refused?.form === 'change' ? view.refused : undefined;
  // A change refused for an interruption not listed (gone, or a forged id) is said above the list.
  const unlisted = refused && !view.interruptions.some(({ interruption }) => interruption.id === refused.id) ? alert(say, refused.error) : '';
  if (view.interruptions.length === 0) return `${title}${unlisted}<p>${say(text('desk-notices-interruptions-empty'))}</p>`;
  return `${title}${unlisted}${view.interruptions.map((item) => card(say, csrf, item.interruption, item.changes, view)).join('')}`;
}

function alert(say: Say, error: Text): string {
  return `<p class="error" role="alert">${say(error)}</p>`;
}

function card(say: Say, csrf: string, interruption: Interruption, changes: Changes, view: NoticesView): string {
  const refused = view.refused?.form === 'change' && view.refused.id === interruption.id ? view.refused : undefined;
  const heading = text('desk-notices-interruption', {
    id: interruption.id,
    kind: words(kindNames[interruption.kind]),
    state: words(stateOf(interruption, view.now)),
  });
  const when = text('desk-notices-when', { from: moment(interruption.from), until: moment(interruption.until) });
  return `<section id="interruption-${interruption.id}"><h3>${say(heading)}</h3><p>${escapeHtml(interruption.area)}<br>${say(when)}<br>${say(text('desk-notices-reason-line', { reason: interruption.reason }))}</p>
${refused ? alert(say, refused.error) : ''}${noticesTable(say, interruption, changes)}${interruption.endedAt ? '' : changeForms(say, csrf, interruption, refused?.until ?? wallClockOf(interruption.until, view.timeZone))}</section>`;
}

function stateOf(interruption: Interruption, now: Date): Text {
  if (interruption.endedAt) return text('desk-notices-state-ended', { at: moment(interruption.endedAt) });
  return interruption.from > now ? text('desk-notices-state-coming') : text('desk-notices-state-under-way');
}

/** Each change's notices, in the order they were told: the announcement, each new time, the end. */
function noticesTable(say: Say, interruption: Interruption, changes: Changes): string {
  const rows = changes.map(({ tally, version }) => ({ cells: [say(changeName(interruption, version))], tally }));
  if (rows.length === 0) return `<p>${say(text('desk-notices-no-notices'))}</p>`;
  return talliesTable(say, [text('desk-notices-column-change')], rows);
}

function changeName(interruption: Interruption, version: number): Text {
  if (version === 1) return text('desk-notices-change-announced');
  // The end is the last change there is: nothing changes an ended interruption.
  if (interruption.endedAt && version === interruption.version) return text('desk-notices-change-ended');
  return text('desk-notices-change-until');
}

function changeForms(say: Say, csrf: string, interruption: Interruption, until: string): string {
  const action = `/desk/notices/${interruption.id}`;
  const token = `<input type="hidden" name="csrf" value="${escapeHtml(csrf)}">`;
  const field = `until-${interruption.id}`;
  return `<form method="post" action="${action}/until">${token}<label for="${field}">${say(text('desk-notices-new-until'))}</label><input id="${field}" name="until" type="datetime-local" required value="${escapeHtml(until)}">
<button type="submit">${say(text('desk-notices-change-until-button'))}</button></form>
<form method="post" action="${action}/end">${token}<p><button type="submit">${say(text('desk-notices-end-button'))}</button></p></form>`;
}
