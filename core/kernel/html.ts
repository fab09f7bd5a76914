/**
 * A value inside HTML (or XML: an SVG) text or a quoted attribute: `&`, `<`, `>`, `"` and `'` as
 * entities. Telegram's `parse_mode: 'HTML'` takes them all (`&quot;` by name, `&#39;` by number)
 * and shows the characters, so the one escaper serves its messages, the pages, the mails and the
 * charts alike.
 */
export function escapeHtml(value: string): string {
  return value.replace(/[&<>"']/g, (c) => htmlEntities[c as keyof typeof htmlEntities]);
}

const htmlEntities = { '&': '&amp;', '<': '&lt;', '>': '&gt;', '"': '&quot;', "'": '&#39;' } as const;
