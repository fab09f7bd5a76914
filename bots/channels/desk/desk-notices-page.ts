import { escapeHtml } from '../../../core/kernel/html';
import { text, type Text } from '../../../core/kernel/text';
import { interruptionsSection, kindNames } from './desk-interruption-cards';
import type { NoticesView, PublishFields } from './desk-notices-view';
import { remindersSection } from './desk-reminders';

type Say = (message: Text) => string;

const blank: PublishFields = { kind: 'planned', area: '', from: '', until: '', reason: '' };

/**
 * «Оповещения»: the form that publishes an interruption (its chats are told at once), the
 * interruptions with what each change's notices did, and the month's reminders sent. `say` puts
 * a text into the desk's words, escaped.
 */
export function noticesBody(say: Say, csrf: string, view: NoticesView): string {
  return `<main><p><a href="/desk">${say(text('desk-back'))}</a></p><h1>${say(text('desk-notices-title'))}</h1>
${publishForm(say, csrf, view)}
${interruptionsSection(say, csrf, view)}
${remindersSection(say, view.reminders)}</main>`;
}

function publishForm(say: Say, csrf: string, view: NoticesView): string {
  const refused = view.refused?.form === 'publish' ? view.refused : undefined;
  const given = refused?.given ?? blank;
  const kinds = (['planned', 'emergency'] as const)
    .map((kind) => `<option value="${kind}"${given.kind === kind ? ' selected' : ''}>${say(kindNames[kind])}</option>`)
    .join('');
  const input = (name: keyof PublishFields, label: Text, attributes: string) =>
    `<label for="notice-${name}">${say(label)}</label><input id="notice-${name}" name="${name}" ${attributes} required value="${escapeHtml(given[name])}">`;
  return `<h2>${say(text('desk-notices-publish-title'))}</h2>
<form method="post" action="/desk/notices"><input type="hidden" name="csrf" value="${escapeHtml(csrf)}">
${refused ? `<p class="error" role="alert">${say(refused.error)}</p>` : ''}
<label for="notice-kind">${say(text('desk-notices-kind'))}</label><select id="notice-kind" name="kind">${kinds}</select>
${input('area', text('desk-notices-area'), `class="wide" maxlength="500" placeholder="${say(text('desk-notices-area-example'))}"`)}
${input('from', text('desk-notices-from'), 'type="datetime-local"')}
${input('until', text('desk-notices-until'), 'type="datetime-local"')}
${input('reason', text('desk-notices-reason'), 'class="wide" maxlength="1000"')}
<p><small>${say(text('desk-notices-zone', { zone: view.timeZone }))}</small></p>
<p><button class="primary" type="submit">${say(text('desk-notices-publish'))}</button></p></form>`;
}
