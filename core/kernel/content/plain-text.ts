import type { OutgoingMessage } from './outgoing';

/** Characters of a monospace line that fit a phone held upright, in Telegram and in Web Chat. */
export const phoneLineWidth = 34;

/**
 * A message as plain text: the form every channel can show (Telegram's text, the fallback of a
 * Bot Framework card). A table is aligned in columns when it fits a phone; a wider one gives each
 * row two lines (its first cell, then the rest), so nothing needs scrolling sideways.
 */
export function plainText(message: OutgoingMessage): string {
  switch (message.kind) {
    case 'text':
      return message.text;
    case 'file':
      return message.caption;
    case 'facts':
      return [message.title, ...message.facts.map(([label, value]) => `${label}: ${value}`)].join('\n');
    case 'table':
      return [message.title, tableLines(message.columns, message.rows).join('\n'), ...(message.note ? [message.note] : [])].join('\n');
  }
}

/** The table's body as monospace lines (see `plainText`). */
export function tableLines(columns: readonly string[], rows: readonly (readonly string[])[]): string[] {
  const widths = columnWidths(columns, rows);
  if (fitsPhone(columns, rows)) {
    const numeric = columns.map((_, index) => rows.length > 0 && rows.every((row) => /^[-+−]?[\d\s\u00a0\u202f.,]+[^\d]{0,2}$/.test(row[index] ?? '')));
    const line = (cells: readonly string[]) =>
      cells
        .map((cell, index) => (numeric[index] ? pad(cell, widths[index] ?? 0, 'start') : pad(cell, widths[index] ?? 0, 'end')))
        .join(' ')
        .trimEnd();
    return [line(columns), ...rows.map(line)];
  }
  return [columns, ...rows].flatMap(stackedRow);
}

/** A row of a table too wide for a phone: its first cell, then the others on one line. */
export function stackedRow(cells: readonly string[]): [string, string] {
  return [cells[0] ?? '', `  ${cells.slice(1).join(' · ').replace(/\n/g, '; ')}`];
}

/** True when the table's columns side by side fit a phone's line. */
export function fitsPhone(columns: readonly string[], rows: readonly (readonly string[])[]): boolean {
  const widths = columnWidths(columns, rows);
  return rows.every((row) => row.every((cell) => !cell.includes('\n'))) && widths.reduce((sum, width) => sum + width, 0) + widths.length - 1 <= phoneLineWidth;
}

function columnWidths(columns: readonly string[], rows: readonly (readonly string[])[]): number[] {
  return columns.map((column, index) => Math.max(length(column), ...rows.map((row) => length(row[index] ?? ''))));
}

/** Width as people see it: an emoji or a combining mark is not two columns of text. */
function length(value: string): number {
  return [...value.normalize('NFC')].length;
}

function pad(value: string, width: number, side: 'start' | 'end'): string {
  const fill = ' '.repeat(Math.max(0, width - length(value)));
  return side === 'start' ? fill + value : value + fill;
}
