import type { CannedAnswer } from '../../../core/features/appeals/ports';
import { escapeHtml } from '../../../core/kernel/html';
import { text } from '../../../core/kernel/text';
import { buttonForm, csrfField, type Say } from './desk-html';

/** The limits of a canned answer: a title to pick it by, a text an answer starts from. */
export const cannedLimits = { title: 100, text: 4000 } as const;

/** What `/desk/canned` shows; `given` is the form as refused, or the one chosen to edit. */
export interface CannedView {
  readonly answers: readonly CannedAnswer[];
  readonly given?: { readonly title: string; readonly text: string };
  readonly refused?: true;
}

/**
 * «Заготовки ответов»: every operator's, listed by title, each to edit or delete; the form adds
 * one, or gives new words to the one of the same title.
 */
export function cannedBody(say: Say, csrf: string, view: CannedView): string {
  const list =
    view.answers.length === 0
      ? `<p>${say(text('desk-canned-empty'))}</p>`
      : `<div class="scroll"><table class="canned"><thead><tr><th>${say(text('desk-canned-column-title'))}</th><th>${say(text('desk-canned-column-text'))}</th><th></th></tr></thead><tbody>${view.answers
          .map(
            (answer) =>
              `<tr><td>${escapeHtml(answer.title)}</td><td class="text">${escapeHtml(answer.text)}</td><td class="actions"><a href="/desk/canned?edit=${answer.id}#canned-form">${say(text('desk-canned-edit'))}</a> ${buttonForm(say, csrf, `/desk/canned/${answer.id}/delete`, text('desk-canned-delete'))}</td></tr>`,
          )
          .join('')}</tbody></table></div>`;
  return `<main><h1>${say(text('desk-canned-title'))}</h1>${list}${cannedForm(say, csrf, view)}</main>`;
}

function cannedForm(say: Say, csrf: string, view: CannedView): string {
  const given = view.given ?? { title: '', text: '' };
  return `<section id="canned-form"><h2>${say(text('desk-canned-form-title'))}</h2><p><small>${say(text('desk-canned-form-hint'))}</small></p>
<form method="post" action="/desk/canned">${csrfField(csrf)}${view.refused ? `<p class="error" role="alert">${say(text('desk-canned-refused', cannedLimits))}</p>` : ''}
<label for="canned-title">${say(text('desk-canned-field-title', { max: cannedLimits.title }))}</label><input id="canned-title" name="title" class="wide" maxlength="${cannedLimits.title}" required value="${escapeHtml(given.title)}">
<label for="canned-text">${say(text('desk-canned-field-text', { max: cannedLimits.text }))}</label><textarea id="canned-text" name="text" maxlength="${cannedLimits.text}" required>${escapeHtml(given.text)}</textarea>
<p><button class="primary" type="submit">${say(text('desk-canned-save'))}</button></p></form></section>`;
}
