import type { LiveChat, LiveMessage } from '../../../core/features/live-chat/ports';
import { attachmentLimits, megabytes } from '../../../core/kernel/attachment';
import { escapeHtml } from '../../../core/kernel/html';
import { moment, text, type Text } from '../../../core/kernel/text';
import { buttonForm, csrfField, fileHref, whereFrom, type Say } from './desk-html';
import type { Viewer } from './desk-session';
import { livePollScript } from './desk-live-script';

/** An operator on «Чат с клиентами» pages: the header counts the customers waiting too. */
export type LiveViewer = Viewer & { readonly waiting: number };

/** How often the queue's page reloads itself, in seconds: a new customer shows without a script. */
export const liveQueueRefreshSeconds = 10;

/** The words an operator may send at once: one message in any messenger. */
export const liveTextMaxLength = 4000;

/** One customer waiting: the place, and the first words they wrote (if any) to judge who to take. */
export interface WaitingCustomer {
  readonly live: LiveChat;
  readonly position: number;
  readonly first: LiveMessage | null;
}

/** What `/desk/live` shows: the queue, the operator's own conversations, and why a take was refused. */
export interface LiveQueueView {
  readonly waiting: readonly WaitingCustomer[];
  readonly mine: readonly LiveChat[];
  readonly now: Date;
  readonly refused?: Text;
}

/** What `/desk/live/:id` shows; a refused message keeps its words, so that nothing is typed twice. */
export interface LiveChatView {
  readonly live: LiveChat;
  readonly messages: readonly LiveMessage[];
  /** The form's one-time key: a double click or a resent form says it once. */
  readonly key: string;
  readonly refused?: { readonly error: Text; readonly text: string };
}

export function liveHref(id: number, tail = ''): string {
  return `/desk/live/${id}${tail}`;
}

/** Who wrote a message and when, as the page and the polling script both show it. */
export function liveSignature(message: LiveMessage): Text {
  const at = moment(new Date(message.at));
  return message.from === 'operator' ? text('desk-live-from-operator', { login: message.operator ?? '', at }) : text('desk-live-from-customer', { at });
}

const minutesBetween = (from: string, to: Date) => Math.max(0, Math.floor((to.getTime() - Date.parse(from)) / 60_000));

/** «Чат с клиентами»: who waits, first come first, each to be taken; then the operator's own conversations. */
export function liveQueueBody(say: Say, viewer: LiveViewer, view: LiveQueueView): string {
  const refused = view.refused ? `<p class="error" role="alert">${say(view.refused)}</p>` : '';
  const columns = [text('desk-live-column-place'), text('desk-column-channel'), text('desk-live-column-since'), text('desk-live-column-first'), null];
  const rows = view.waiting.map(({ live, position, first }) => {
    const since = text('desk-live-waited', { at: moment(new Date(live.queuedAt)), minutes: minutesBetween(live.queuedAt, view.now) });
    return `<tr data-live="${live.id}"><td class="number">${position}</td><td class="nowrap">${say(whereFrom(live))}</td><td class="nowrap">${say(since)}</td>
<td class="text">${firstWords(say, first)}</td><td class="actions">${buttonForm(say, viewer.csrf, liveHref(live.id, '/take'), text('desk-live-take'), true)}</td></tr>`;
  });
  const queue =
    rows.length === 0
      ? `<p>${say(text('desk-live-queue-empty'))}</p>`
      : `<div class="scroll"><table class="live-queue"><thead><tr>${columns.map((column) => `<th>${column ? say(column) : ''}</th>`).join('')}</tr></thead><tbody>${rows.join('')}</tbody></table></div>`;
  const mine =
    view.mine.length === 0
      ? `<p>${say(text('desk-live-mine-none'))}</p>`
      : `<ul class="live-mine">${view.mine.map((live) => `<li><a href="${liveHref(live.id)}">${say(text('desk-live-chat-title', { id: String(live.id) }))}</a> · ${say(whereFrom(live))} · ${say(text('desk-live-taken-at', { at: moment(new Date(live.takenAt ?? live.queuedAt)) }))}</li>`).join('')}</ul>`;
  return `<main><h1>${say(text('desk-live-title'))}</h1>${refused}
<p class="shown">${say(text('desk-live-on-duty', { seconds: liveQueueRefreshSeconds }))}</p>
<section><h2>${say(text('desk-live-queue', { count: view.waiting.length }))}</h2>${queue}</section>
<section><h2>${say(text('desk-live-mine'))}</h2>${mine}</section>
<p><a href="/desk/live">${say(text('desk-live-refresh'))}</a></p></main>`;
}

/** The start of what the customer wrote while waiting: the operator sees what the matter is before taking it. */
function firstWords(say: Say, first: LiveMessage | null): string {
  if (!first) return say(text('desk-nobody'));
  const shown = first.text.length > 140 ? `${first.text.slice(0, 140)}…` : first.text;
  const files = first.files.length > 0 ? ` ${say(text('desk-live-first-files', { count: first.files.length }))}` : '';
  return `${escapeHtml(shown)}${files}`;
}

/**
 * A conversation: its messages in order (pictures as thumbnails, every file a link), what it is
 * now, and, for the operator who holds it, the form that writes to the customer and the button
 * that ends it. The script on it adds what comes next without a reload; without it, «Обновить».
 */
export function liveChatBody(say: Say, viewer: Viewer, view: LiveChatView): string {
  const { live } = view;
  const holding = live.status === 'talking' && live.operator === viewer.login;
  const refused = view.refused ? `<p class="error" role="alert">${say(view.refused.error)}</p>` : '';
  const last = view.messages.at(-1)?.id ?? 0;
  const data = {
    page: liveHref(live.id),
    poll: liveHref(live.id, '/messages'),
    after: String(last),
    status: live.status,
    ended: say(text('desk-live-ended-now')),
    failed: say(text('desk-live-poll-failed')),
  };
  const attributes = Object.entries(data)
    .map(([name, value]) => ` data-${name}="${escapeHtml(value)}"`)
    .join('');
  return `<main><p><a href="/desk/live">${say(text('desk-live-back'))}</a></p>
<h1>${say(text('desk-live-chat-title', { id: String(live.id) }))} · ${say(whereFrom(live))}</h1>
<p id="live-status"><strong>${say(liveStatus(viewer, live))}</strong></p>${refused}
<div id="live-messages"${attributes}>${view.messages.map((message) => liveMessage(say, message)).join('')}</div>
<p class="shown"><span id="live-poll" aria-live="polite"></span> <a href="${liveHref(live.id)}">${say(text('desk-live-refresh'))}</a></p>
${holding ? replySection(say, viewer.csrf, view) : kept(say, view)}
${live.status === 'waiting' ? `<section class="actions">${buttonForm(say, viewer.csrf, liveHref(live.id, '/take'), text('desk-live-take'), true)}</section>` : ''}
<script>${livePollScript}</script></main>`;
}

function liveStatus(viewer: Viewer, live: LiveChat): Text {
  if (live.status === 'waiting') return text('desk-live-status-waiting', { at: moment(new Date(live.queuedAt)) });
  if (live.status === 'talking') {
    const at = moment(new Date(live.takenAt ?? live.queuedAt));
    return live.operator === viewer.login ? text('desk-live-status-mine', { at }) : text('desk-live-status-other', { login: live.operator ?? '', at });
  }
  const at = moment(new Date(live.endedAt ?? live.queuedAt));
  if (live.endedBy === 'nobody') return text('desk-live-status-ended-nobody', { at });
  return live.endedBy === 'customer' ? text('desk-live-status-ended-customer', { at }) : text('desk-live-status-ended-operator', { at });
}

/** One message as the page first shows it; the polling script builds the same from the JSON. */
function liveMessage(say: Say, message: LiveMessage): string {
  const files =
    message.files.length === 0
      ? ''
      : `<ul class="files">${message.files
          .map((file) => {
            const href = escapeHtml(fileHref(file));
            const thumb = file.mime.startsWith('image/')
              ? `<a href="${href}" target="_blank" rel="noopener"><img class="thumb" src="${href}" alt="${escapeHtml(file.name)}"></a>`
              : '';
            return `<li>${thumb}<a href="${href}" target="_blank" rel="noopener">${escapeHtml(file.name)}</a></li>`;
          })
          .join('')}</ul>`;
  return `<div class="message ${message.from}" data-id="${message.id}"><small>${say(liveSignature(message))}</small>\n${escapeHtml(message.text)}${files}</div>`;
}

/** The holder's form: words, files, or both; a refused one comes back with its words. */
function replySection(say: Say, csrf: string, view: LiveChatView): string {
  const { live, refused } = view;
  return `<section id="reply"><form method="post" enctype="multipart/form-data" action="${liveHref(live.id, '/say')}">${csrfField(csrf)}<input type="hidden" name="key" value="${escapeHtml(view.key)}">
<label for="live-text">${say(text('desk-live-say'))}</label><textarea id="live-text" name="text" class="short" maxlength="${liveTextMaxLength}">${escapeHtml(refused?.text ?? '')}</textarea>
<label for="live-files">${say(text('desk-files', { max: attachmentLimits.files, size: megabytes(attachmentLimits.bytes) }))}</label><input id="live-files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif,application/pdf">
<p><button class="primary" type="submit" id="live-send">${say(text('desk-live-send'))}</button></p></form></section>
<section class="actions" id="live-end">${buttonForm(say, csrf, liveHref(live.id, '/end'), text('desk-live-end'))}</section>`;
}

/** For one who cannot write here (any more): the words of a refused message, to be copied, not lost. */
function kept(say: Say, view: LiveChatView): string {
  const given = view.refused?.text ?? '';
  return given === '' ? '' : `<section><p>${say(text('desk-live-kept'))}</p><div class="message operator">${escapeHtml(given)}</div></section>`;
}
