import type { SharedFile } from '../../../core/kernel/content/content';
import type { OutgoingMessage } from '../../../core/kernel/content/outgoing';
import { fitsPhone, stackedRow, tableLines } from '../../../core/kernel/content/plain-text';
import { escapeHtml } from '../../../core/kernel/html';

/** One message of a messenger that reads HTML (Telegram, MAX): a text, or a file with its caption. */
export type HtmlPart = { readonly kind: 'text'; readonly html: string } | { readonly kind: 'file'; readonly file: SharedFile; readonly caption: string };

/**
 * A message in a messenger's HTML (`<b>`, `<i>`, `<pre>`), every value escaped: facts as bold
 * labels, a table as an aligned `<pre>` block when it fits a phone, else two lines a row; split
 * into parts of at most `maxLength` characters, between lines. The buttons go under the last part.
 */
export function htmlParts(message: OutgoingMessage, maxLength: number): HtmlPart[] {
  const texts = (parts: readonly string[]) => parts.map((html) => ({ kind: 'text' as const, html }));
  switch (message.kind) {
    case 'text':
      return texts(split(escapeHtml(message.text).split('\n'), maxLength));
    case 'file':
      return [{ kind: 'file', file: message.file, caption: escapeHtml(message.caption) }];
    case 'facts':
      return texts([
        [`<b>${escapeHtml(message.title)}</b>`, ...message.facts.map(([label, value]) => `<b>${escapeHtml(label)}:</b> ${escapeHtml(value)}`)].join('\n'),
      ]);
    case 'table': {
      const aligned = fitsPhone(message.columns, message.rows);
      const body = aligned
        ? tableLines(message.columns, message.rows).map(escapeHtml)
        : [message.columns, ...message.rows].flatMap((cells, index) => {
            const [first, rest] = stackedRow(cells).map(escapeHtml);
            return index === 0 ? [`<i>${first}</i>`, `<i>${rest}</i>`] : [`<b>${first}</b>`, rest ?? ''];
          });
      const parts = split(body, maxLength).map((lines) => (aligned ? `<pre>${lines}</pre>` : lines));
      parts[0] = `<b>${escapeHtml(message.title)}</b>\n${parts[0] ?? ''}`;
      if (message.note) parts[parts.length - 1] += `\n${escapeHtml(message.note)}`;
      return texts(parts);
    }
  }
}

/** Lines joined into parts that each fit one message; a part breaks only between lines. */
function split(lines: readonly string[], maxLength: number): string[] {
  const parts: string[] = [];
  let current = '';
  for (const line of lines) {
    const next = current === '' ? line : `${current}\n${line}`;
    if (next.length > maxLength && current !== '') {
      parts.push(current);
      current = line;
    } else current = next;
  }
  parts.push(current);
  return parts;
}
