import { createReadStream } from 'node:fs';
import { createInterface } from 'node:readline';
import type { SourceRow, SourceRows } from './source-rows';

const byteOrderMark = '\uFEFF';

/** The rows of an NDJSON file: one JSON object a line (UTF-8, a BOM allowed); blank lines are no rows. */
export function ndjsonRows(path: string): SourceRows {
  const file = createReadStream(path);
  return {
    bytesRead: () => file.bytesRead,
    [Symbol.asyncIterator]: () => rows(file),
  };
}

async function* rows(file: NodeJS.ReadableStream): AsyncGenerator<SourceRow> {
  let line = 0;
  for await (const text of createInterface({ input: file, crlfDelay: Infinity })) {
    line += 1;
    if (text.trim() === '') continue;
    yield read(line === 1 && text.startsWith(byteOrderMark) ? text.slice(1) : text, line);
  }
}

function read(text: string, line: number): SourceRow {
  try {
    return { line, lastLine: line, data: JSON.parse(text) as unknown };
  } catch (error) {
    return { line, lastLine: line, problem: `not JSON: ${error instanceof Error ? error.message : String(error)}` };
  }
}
