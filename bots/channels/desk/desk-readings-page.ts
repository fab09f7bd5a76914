import type { PhotographedSubmission } from '../../../core/features/readings/ports';
import { zoneName } from '../../../core/features/readings/meter-words';
import { displayPeriod } from '../../../core/kernel/period';
import { moment, text, type Text } from '../../../core/kernel/text';
import { escapeHtml } from '../../../core/kernel/html';
import { fileHref } from './desk-html';

/** What billing said of a submission, as the desk's column reads it. */
function outcomeName(outcome: PhotographedSubmission['outcome']): Text {
  if (!outcome) return text('desk-readings-outcome-pending');
  if (outcome.kind === 'saved' || outcome.kind === 'replaced') return text('desk-readings-outcome-taken');
  return text('desk-readings-outcome-refused');
}

/**
 * «Показания с фото»: the newest chat submissions sent with meter photos, of one account or all,
 * each photo shown (it opens full size). `say` puts a text into the desk's words, escaped.
 */
export function readingsBody(say: (message: Text) => string, account: string | null, submissions: readonly PhotographedSubmission[]): string {
  const rows = submissions
    .map((submission) => {
      const values = submission.entries
        .map((entry) => say(text('desk-readings-entry', { meter: entry.serialNumber, zone: zoneName(entry.zone), value: String(entry.value) })))
        .join('<br>');
      const photos = submission.photos
        .map((photo) => {
          const href = fileHref(photo.file);
          return `<a href="${href}" target="_blank" rel="noopener"><img src="${href}" alt="${say(text('desk-readings-photo-alt', { meter: photo.serialNumber }))}" width="160" loading="lazy"></a>`;
        })
        .join(' ');
      return `<tr><td>${say(text('desk-readings-at', { at: moment(new Date(submission.submittedAt)) }))}</td><td><a href="/desk/readings?account=${encodeURIComponent(submission.account)}">${escapeHtml(submission.account)}</a></td>
<td>${escapeHtml(displayPeriod(submission.period))}</td><td>${values}</td><td>${say(outcomeName(submission.outcome))}</td><td>${photos}</td></tr>`;
    })
    .join('');
  const heading = account ? text('desk-readings-title-account', { account }) : text('desk-readings-title');
  const filter = `<form method="get" action="/desk/readings"><label for="account">${say(text('desk-readings-account'))}</label><input id="account" name="account" inputmode="numeric" pattern="[0-9]{12}" value="${escapeHtml(account ?? '')}"> <button type="submit">${say(text('desk-readings-find'))}</button></form>`;
  const table =
    submissions.length === 0
      ? `<p>${say(text('desk-readings-empty'))}</p>`
      : `<table><thead><tr>${[
          text('desk-readings-column-at'),
          text('desk-readings-column-account'),
          text('desk-readings-column-period'),
          text('desk-readings-column-values'),
          text('desk-readings-column-outcome'),
          text('desk-readings-column-photos'),
        ]
          .map((column) => `<th>${say(column)}</th>`)
          .join('')}</tr></thead><tbody>${rows}</tbody></table>`;
  return `<main><p><a href="/desk">${say(text('desk-back'))}</a></p><h1>${say(heading)}</h1>${filter}${table}</main>`;
}
