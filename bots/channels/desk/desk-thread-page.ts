import type { AppealMessage, FiledAppeal } from '../../../core/features/appeals/appeal';
import { statusNames, topicNames } from '../../../core/features/appeals/appeal-words';
import { routeNames } from '../../../core/features/appeals/mailbox-mail';
import type { CannedAnswer } from '../../../core/features/appeals/ports';
import { attachmentLimits, megabytes, type AttachmentRef } from '../../../core/kernel/attachment';
import { escapeHtml } from '../../../core/kernel/html';
import { moment, text, words, type Text } from '../../../core/kernel/text';
import { appealHref, buttonForm, csrfField, fileHref, whereFrom, type Say } from './desk-html';
import type { Viewer } from './desk-session';

/** Why a form of the thread was refused, and what it held: shown with it, so that nothing is typed twice. */
export type ThreadRefusal =
  | { readonly form: 'answer'; readonly error: Text; readonly text: string; readonly repeat?: true }
  | { readonly form: 'note'; readonly error: Text; readonly text: string }
  | { readonly form: 'take'; readonly holder: string };

/** What `/desk/appeals/:number` shows. */
export interface ThreadView {
  readonly appeal: FiledAppeal;
  readonly messages: readonly AppealMessage[];
  /** One-time keys of this page's answer and note: the same form sent twice counts once. */
  readonly keys: { readonly answer: string; readonly note: string };
  readonly canned: readonly CannedAnswer[];
  /** The canned answer the operator chose to start the answer from. */
  readonly chosen?: CannedAnswer;
  readonly refused?: ThreadRefusal;
}

/**
 * An appeal's page: who wrote and from where, who works on it, the thread with the operators'
 * names and their notes (which the customer never sees), and what can be done with it now.
 */
export function threadBody(say: Say, viewer: Viewer, view: ThreadView): string {
  const { appeal, refused } = view;
  const taken = refused?.form === 'take' ? `<p class="error" role="alert">${say(text('desk-take-refused', { login: refused.holder }))}</p>` : '';
  const followUp = appeal.followUpAt
    ? `<p><span class="badge">${say(text('desk-follow-up-badge'))}</span> ${say(text('desk-follow-up-since', { at: moment(new Date(appeal.followUpAt)) }))}</p>`
    : '';
  const open = appeal.status !== 'closed';
  return `<main><p><a href="/desk">${say(text('desk-back'))}</a></p>
<h1>${escapeHtml(appeal.number)} · ${say(statusNames[appeal.status])}</h1>${taken}${followUp}
${factsTable(say, viewer, appeal)}
${threadMessages(say, appeal, view.messages)}
${open ? answerSection(say, viewer.csrf, view) : ''}
${noteSection(say, viewer.csrf, view)}
<section class="actions">${open ? buttonForm(say, viewer.csrf, appealHref(appeal.number, '/close'), text('desk-close')) : buttonForm(say, viewer.csrf, appealHref(appeal.number, '/reopen'), text('desk-reopen'))}</section></main>`;
}

function factsTable(say: Say, viewer: Viewer, appeal: FiledAppeal): string {
  const plain = (value: string) => escapeHtml(value);
  const facts: [Text, string][] = [
    [text('appeal-field-topic'), say(topicNames[appeal.topic])],
    [text('desk-field-channel'), say(whereFrom(appeal))],
    [text('desk-field-assignee'), holder(say, viewer, appeal)],
    [text('appeal-field-name'), plain(appeal.name)],
    [text('appeal-field-email'), plain(appeal.email)],
    [text('appeal-field-phone'), appeal.phone ? plain(appeal.phone) : say(text('appeal-email-only-short'))],
    ...(appeal.appellant.kind === 'customer'
      ? ([
          [text('appeal-field-account'), plain(appeal.appellant.account)],
          [text('appeal-field-address'), plain(appeal.appellant.address)],
        ] as [Text, string][])
      : ([
          [text('appeal-field-locality'), plain(appeal.appellant.locality)],
          [text('appeal-field-address'), plain(appeal.appellant.address)],
        ] as [Text, string][])),
  ];
  return `<table class="facts">${facts.map(([label, value]) => `<tr><th>${say(label)}</th><td>${value}</td></tr>`).join('')}</table>`;
}

/** Who has it, with the button that changes that: taken by nobody, by this operator, or by another (then only she lets it go). */
function holder(say: Say, viewer: Viewer, appeal: FiledAppeal): string {
  if (appeal.assignee === null)
    return `${say(text('desk-assignee-nobody'))} ${buttonForm(say, viewer.csrf, appealHref(appeal.number, '/take'), text('desk-take'), true)}`;
  if (appeal.assignee === viewer.login)
    return `${say(text('desk-assignee-me', { login: appeal.assignee }))} ${buttonForm(say, viewer.csrf, appealHref(appeal.number, '/release'), text('desk-release'))}`;
  return `<strong>${say(text('desk-assignee-other', { login: appeal.assignee }))}</strong>`;
}

function threadMessages(say: Say, appeal: FiledAppeal, messages: readonly AppealMessage[]): string {
  const files = (attached: readonly AttachmentRef[] = []) =>
    attached.length === 0
      ? ''
      : `<ul class="files">${attached.map((file) => `<li><a href="${escapeHtml(fileHref(file))}" target="_blank" rel="noopener">${escapeHtml(file.name)}</a> (${say(text('desk-file-size', { size: megabytes(file.bytes) }))})</li>`).join('')}</ul>`;
  const message = (item: AppealMessage) =>
    `<div class="message ${item.from}"><small>${say(signature(item))}</small>\n${escapeHtml(item.text)}${files(item.files)}</div>`;
  return [{ from: 'customer' as const, at: appeal.filedAt, text: appeal.message, files: appeal.attachments }, ...messages].map(message).join('');
}

/** Who wrote a message and when; for an operator's, by which way. */
function signature(message: AppealMessage): Text {
  const at = moment(new Date(message.at));
  const { by } = message;
  if (message.from === 'customer') return text('desk-from-customer', { at });
  if (message.from === 'note') return by ? text('desk-from-note', { name: by.name, at }) : text('desk-from-note-unsigned', { at });
  return by ? text('desk-from-operator-signed', { name: by.name, route: words(routeNames[by.route]), at }) : text('desk-from-operator', { at });
}

/** The canned answers to start from (a GET form: the page comes back with the box filled), and the answer's form. */
function answerSection(say: Say, csrf: string, view: ThreadView): string {
  const { appeal, refused, chosen } = view;
  const answer = refused?.form === 'answer' ? refused : undefined;
  const canned =
    view.canned.length === 0
      ? `<p>${say(text('desk-canned-none'))} <a href="/desk/canned">${say(text('desk-nav-canned'))}</a></p>`
      : `<form method="get" action="${escapeHtml(appealHref(appeal.number))}#answer" class="canned"><label for="canned">${say(text('desk-canned-choose'))}</label>
<select id="canned" name="canned">${view.canned.map((item) => `<option value="${item.id}"${item.id === chosen?.id ? ' selected' : ''}>${escapeHtml(item.title)}</option>`).join('')}</select>
<button type="submit">${say(text('desk-canned-insert'))}</button> <a href="/desk/canned">${say(text('desk-nav-canned'))}</a></form>`;
  return `<section>${canned}
<form method="post" enctype="multipart/form-data" action="${escapeHtml(appealHref(appeal.number, '/answer'))}">${csrfField(csrf)}<input type="hidden" name="key" value="${escapeHtml(view.keys.answer)}">
${answer ? `<p class="error" role="alert">${say(text('desk-answer-refused', { reason: words(answer.error) }))}</p>` : ''}${answer?.repeat ? '<input type="hidden" name="repeat" value="yes">' : ''}
<label for="answer">${say(text('desk-answer'))}</label><textarea id="answer" name="text" maxlength="10000" required>${escapeHtml(answer?.text ?? chosen?.text ?? '')}</textarea>
<label for="files">${say(text('desk-files', { max: attachmentLimits.files, size: megabytes(attachmentLimits.bytes) }))}</label><input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif,application/pdf">
<p><button class="primary" type="submit">${say(text('desk-send'))}</button></p></form></section>`;
}

function noteSection(say: Say, csrf: string, view: ThreadView): string {
  const refused = view.refused?.form === 'note' ? view.refused : undefined;
  return `<section><form method="post" action="${escapeHtml(appealHref(view.appeal.number, '/notes'))}">${csrfField(csrf)}<input type="hidden" name="key" value="${escapeHtml(view.keys.note)}">
${refused ? `<p class="error" role="alert">${say(refused.error)}</p>` : ''}
<label for="note">${say(text('desk-note'))}</label><textarea id="note" name="text" class="short" maxlength="4000" required>${escapeHtml(refused?.text ?? '')}</textarea>
<p><button type="submit">${say(text('desk-note-add'))}</button></p></form></section>`;
}
