import type { StagedValue } from './row-kind';

const escapes: Record<string, string> = { '\\': '\\\\', '\t': '\\t', '\n': '\\n', '\r': '\\r' };
const special = /[\\\t\n\r]/g;

/** A value in COPY's text format: tab-separated, `\N` for null, backslash escapes. */
function copyField(value: StagedValue): string {
  if (value === null) return '\\N';
  if (typeof value === 'string') return value.replace(special, (character) => escapes[character] as string);
  if (typeof value === 'boolean') return value ? 't' : 'f';
  return String(value);
}

/** One staged row, its file line first. */
export function copyLine(line: number, values: readonly StagedValue[]): string {
  let text = String(line);
  for (const value of values) text += `\t${copyField(value)}`;
  return `${text}\n`;
}
