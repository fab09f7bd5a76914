import type { AppealMessage, FiledAppeal } from '../../../core/features/appeals/appeal';
import { statusNames, topicNames } from '../../../core/features/appeals/appeal-words';
import type { Localizer } from '../../../core/kernel/localizer';
import { moment, text, words, type Text } from '../../../core/kernel/text';
import { attachmentLimits, megabytes, type AttachmentRef } from '../../../core/kernel/attachment';
import { escapeHtml } from '../../../core/kernel/html';
import type { PhotographedSubmission } from '../../../core/features/readings/ports';
import { readingsBody } from './desk-readings-page';
import { noticesBody } from './desk-notices-page';
import type { NoticesView } from './desk-notices-view';

/** The desk speaks Russian: it is the supplier's own tool. */
export class DeskPages {
  constructor(private readonly localizer: Localizer) {}

  private say(message: Text): string {
    return escapeHtml(this.localizer.format('ru', message));
  }

  private page(title: Text, body: string): string {
    return `<!doctype html>
<html lang="ru"><head><meta charset="utf-8"><meta name="viewport" content="width=device-width, initial-scale=1"><title>${this.say(title)}</title>
<style>
body{font-family:system-ui,-apple-system,"Segoe UI",Roboto,sans-serif;margin:0;background:#f4f6f8;color:#1d2733}
header{background:#00589c;color:#fff;padding:12px 20px;display:flex;justify-content:space-between;align-items:center}
header a,header button{color:#fff;background:none;border:0;font:inherit;cursor:pointer;text-decoration:underline}
main{max-width:980px;margin:20px auto;background:#fff;padding:20px;box-shadow:0 0 12px rgba(0,0,0,.08)}
table{width:100%;border-collapse:collapse}td,th{text-align:left;padding:8px;border-bottom:1px solid #e3e7eb;vertical-align:top}
nav a{margin-right:16px}.message{border-left:4px solid #c9d3dc;padding:8px 12px;margin:12px 0;white-space:pre-wrap}
.message.operator{border-color:#00589c;background:#eef5fb}textarea{width:100%;min-height:140px;font:inherit}
button.primary{background:#00589c;color:#fff;border:0;padding:10px 18px;border-radius:6px;font-size:15px}
.files{margin:6px 0 0;padding-left:18px}.error{color:#b00020}label{display:block;margin:10px 0 4px}input{font:inherit;padding:6px;width:280px}
select{font:inherit;padding:6px}input{box-sizing:border-box;max-width:100%}input.wide{width:100%;max-width:640px}section{border-top:1px solid #e3e7eb;margin-top:16px;padding-top:4px}
.scroll{overflow-x:auto}
</style></head><body>${body}</body></html>`;
  }

  signIn(error?: Text): string {
    return this.page(
      text('desk-title'),
      `<main><h1>${this.say(text('desk-sign-in-title'))}</h1>${error ? `<p class="error" role="alert">${this.say(error)}</p>` : ''}
<form method="post" action="/desk/sign-in"><label for="login">${this.say(text('desk-login'))}</label><input id="login" name="login" autocomplete="username" required>
<label for="password">${this.say(text('desk-password'))}</label><input id="password" name="password" type="password" autocomplete="current-password" required>
<p><button class="primary" type="submit">${this.say(text('desk-sign-in'))}</button></p></form></main>`,
    );
  }

  newPassword(login: string, csrf: string, error?: Text): string {
    return this.page(
      text('desk-title'),
      `${this.header(login, csrf)}<main><h1>${this.say(text('desk-new-password-title'))}</h1>${error ? `<p class="error" role="alert">${this.say(error)}</p>` : ''}
<form method="post" action="/desk/password"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
<label for="current">${this.say(text('desk-current-password'))}</label><input id="current" name="current" type="password" autocomplete="current-password" required>
<label for="password">${this.say(text('desk-new-password'))}</label><input id="password" name="password" type="password" autocomplete="new-password" minlength="12" required>
<p><button class="primary" type="submit">${this.say(text('desk-save'))}</button></p></form></main>`,
    );
  }

  queue(login: string, csrf: string, status: FiledAppeal['status'], appeals: readonly FiledAppeal[], now: Date): string {
    const tabs = (['received', 'answered', 'closed'] as const)
      .map((tab) => (tab === status ? `<strong>${this.say(statusNames[tab])}</strong>` : `<a href="/desk?status=${tab}">${this.say(statusNames[tab])}</a>`))
      .join(' ');
    const rows = appeals
      .map(
        (
          appeal,
        ) => `<tr><td><a href="/desk/appeals/${encodeURIComponent(appeal.number)}">${escapeHtml(appeal.number)}</a></td><td>${this.say(topicNames[appeal.topic])}</td>
<td>${escapeHtml(appeal.name)}</td><td>${this.say(text('desk-age', { hours: Math.floor((now.getTime() - Date.parse(appeal.filedAt)) / 3600_000) }))}</td><td>${escapeHtml(appeal.message.slice(0, 120))}</td></tr>`,
      )
      .join('');
    return this.page(
      text('desk-title'),
      `${this.header(login, csrf)}<main><nav>${tabs} <a href="/desk/readings">${this.say(text('desk-readings-link'))}</a> <a href="/desk/notices">${this.say(text('desk-notices-link'))}</a></nav>
${appeals.length === 0 ? `<p>${this.say(text('desk-empty'))}</p>` : `<table><thead><tr><th>${this.say(text('desk-number'))}</th><th>${this.say(text('appeal-field-topic'))}</th><th>${this.say(text('appeal-field-name'))}</th><th>${this.say(text('desk-waiting'))}</th><th>${this.say(text('appeal-field-message'))}</th></tr></thead><tbody>${rows}</tbody></table>`}</main>`,
    );
  }

  thread(
    login: string,
    csrf: string,
    appeal: FiledAppeal,
    messages: readonly AppealMessage[],
    replyKey: string,
    refused?: { readonly error: Text; readonly text: string; readonly repeat?: true },
  ): string {
    const facts: [Text, string][] = [
      [text('appeal-field-topic'), this.localizer.format('ru', topicNames[appeal.topic])],
      [text('appeal-field-name'), appeal.name],
      [text('appeal-field-email'), appeal.email],
      [text('appeal-field-phone'), appeal.phone ?? this.localizer.format('ru', text('appeal-email-only-short'))],
      ...(appeal.appellant.kind === 'customer'
        ? ([
            [text('appeal-field-account'), appeal.appellant.account],
            [text('appeal-field-address'), appeal.appellant.address],
          ] as [Text, string][])
        : ([
            [text('appeal-field-locality'), appeal.appellant.locality],
            [text('appeal-field-address'), appeal.appellant.address],
          ] as [Text, string][])),
    ];
    const files = (attached: readonly AttachmentRef[] = []) =>
      attached.length === 0
        ? ''
        : `<ul class="files">${attached.map((file) => `<li><a href="/desk/files/${encodeURIComponent(file.id)}" target="_blank" rel="noopener">${escapeHtml(file.name)}</a> (${this.say(text('desk-file-size', { size: megabytes(file.bytes) }))})</li>`).join('')}</ul>`;
    const message = (from: 'customer' | 'operator', at: string, words: string, attached?: readonly AttachmentRef[]) =>
      `<div class="message ${from}"><small>${this.say(from === 'operator' ? text('desk-from-operator', { at: moment(new Date(at)) }) : text('desk-from-customer', { at: moment(new Date(at)) }))}</small>\n${escapeHtml(words)}${files(attached)}</div>`;
    const open = appeal.status !== 'closed';
    return this.page(
      text('desk-title'),
      `${this.header(login, csrf)}<main><p><a href="/desk">${this.say(text('desk-back'))}</a></p>
<h1>${escapeHtml(appeal.number)} · ${this.say(statusNames[appeal.status])}</h1>
<table>${facts.map(([label, value]) => `<tr><th>${this.say(label)}</th><td>${escapeHtml(value)}</td></tr>`).join('')}</table>
${message('customer', appeal.filedAt, appeal.message, appeal.attachments)}${messages.map((item) => message(item.from, item.at, item.text, item.files)).join('')}
${
  open
    ? `<form method="post" enctype="multipart/form-data" action="/desk/appeals/${encodeURIComponent(appeal.number)}/answer"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><input type="hidden" name="key" value="${escapeHtml(replyKey)}">
${refused ? `<p class="error" role="alert">${this.say(text('desk-answer-refused', { reason: words(refused.error) }))}</p>` : ''}${refused?.repeat ? '<input type="hidden" name="repeat" value="yes">' : ''}
<label for="answer">${this.say(text('desk-answer'))}</label><textarea id="answer" name="text" maxlength="10000" required>${escapeHtml(refused?.text ?? '')}</textarea>
<label for="files">${this.say(text('desk-files', { max: attachmentLimits.files, size: megabytes(attachmentLimits.bytes) }))}</label><input id="files" name="files" type="file" multiple accept="image/jpeg,image/png,image/webp,image/gif,application/pdf">
<p><button class="primary" type="submit">${this.say(text('desk-send'))}</button></p></form>
<form method="post" action="/desk/appeals/${encodeURIComponent(appeal.number)}/close"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">${this.say(text('desk-close'))}</button></form>`
    : ''
}</main>`,
    );
  }

  /** The readings sent with meter photos (see `readingsBody`). */
  readings(login: string, csrf: string, account: string | null, submissions: readonly PhotographedSubmission[]): string {
    return this.page(text('desk-title'), `${this.header(login, csrf)}${readingsBody((message) => this.say(message), account, submissions)}`);
  }

  /** The interruptions and reminders told to the chats (see `noticesBody`). */
  notices(login: string, csrf: string, view: NoticesView): string {
    return this.page(text('desk-notices-title'), `${this.header(login, csrf)}${noticesBody((message) => this.say(message), csrf, view)}`);
  }

  private header(login: string, csrf: string): string {
    return `<header><strong>${this.say(text('desk-title'))}</strong><span>${escapeHtml(login)} <form method="post" action="/desk/sign-out" style="display:inline"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}"><button type="submit">${this.say(text('desk-sign-out'))}</button></form></span></header>`;
  }
}
