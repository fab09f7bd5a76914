import { createReadStream } from 'node:fs';
import { basename } from 'node:path';
import { Parser, type CsvError } from 'csv-parse';
import type { KindColumns } from './row-kind';
import { BillingFileError, type SourceRow, type SourceRows } from './source-rows';

/** A record and the line it ended on. */
interface NumberedRecord {
  readonly fields: string[];
  readonly lastLine: number;
}

/** A record csv-parse could not read, put in the record stream where it was met. */
interface SkippedRecord {
  readonly skipped: CsvError;
}

/**
 * csv-parse's parser with each record numbered as it is pushed: its own `info` option would
 * cost more than all the parsing (an object of figures for every record).
 */
class NumberedParser extends Parser {
  override push(chunk: unknown, encoding?: BufferEncoding): boolean {
    return super.push(Array.isArray(chunk) ? ({ fields: chunk as string[], lastLine: this.info.lines } satisfies NumberedRecord) : chunk, encoding);
  }
}

/**
 * The rows of a CSV file (RFC 4180: comma, double quotes, a header line; UTF-8, a BOM allowed).
 * A broken record (a stray quote, too many or too few fields) is one problem row covering every
 * line it took, so a quote that swallows the lines after it cannot hide them.
 */
export function csvRows(path: string, columns: KindColumns): SourceRows {
  const file = createReadStream(path);
  const parser: NumberedParser = new NumberedParser({
    bom: true,
    skip_empty_lines: true,
    skip_records_with_error: true,
    on_skip: (error) => {
      if (error) parser.push({ skipped: error } satisfies SkippedRecord);
      return undefined;
    },
  });
  file.on('error', (error) => parser.destroy(error));
  return {
    bytesRead: () => file.bytesRead,
    [Symbol.asyncIterator]: () => records(file.pipe(parser) as AsyncIterable<NumberedRecord | SkippedRecord>, basename(path), columns, () => file.destroy()),
  };
}

async function* records(
  parsed: AsyncIterable<NumberedRecord | SkippedRecord>,
  file: string,
  columns: KindColumns,
  close: () => void,
): AsyncGenerator<SourceRow> {
  let header: string[] | null = null;
  let previousLast = 1;
  try {
    for await (const item of parsed) {
      if ('skipped' in item) {
        if (header === null) throw new BillingFileError(`${file}: the header is broken: ${item.skipped.message}`);
        const lastLine = typeof item.skipped['lines'] === 'number' ? item.skipped['lines'] : previousLast + 1;
        yield { line: Math.min(previousLast + 1, lastLine), lastLine, problem: `broken CSV: ${item.skipped.message}` };
        previousLast = lastLine;
      } else if (header === null) {
        header = checkedHeader(file, item.fields, columns);
        previousLast = item.lastLine;
      } else {
        yield { line: item.lastLine - lineBreaksIn(item.fields), lastLine: item.lastLine, data: rowOf(header, item.fields) };
        previousLast = item.lastLine;
      }
    }
  } finally {
    close();
  }
}

function rowOf(header: readonly string[], fields: readonly string[]): Record<string, string> {
  const row: Record<string, string> = {};
  header.forEach((name, index) => (row[name] = fields[index] as string));
  return row;
}

/** A quoted field may hold line breaks: the record began that many lines before it ended. */
function lineBreaksIn(fields: readonly string[]): number {
  let breaks = 0;
  for (const value of fields) {
    for (let at = value.indexOf('\n'); at !== -1; at = value.indexOf('\n', at + 1)) breaks += 1;
  }
  return breaks;
}

function checkedHeader(file: string, header: string[], { all, required }: KindColumns): string[] {
  const unknown = header.filter((name) => !all.includes(name));
  if (unknown.length > 0) throw new BillingFileError(`${file}: unknown column ${unknown.join(', ')} (the columns are ${all.join(', ')})`);
  const missing = required.filter((name) => !header.includes(name));
  if (missing.length > 0) throw new BillingFileError(`${file}: the header lacks the column ${missing.join(', ')}`);
  const twice = header.filter((name, index) => header.indexOf(name) !== index);
  if (twice.length > 0) throw new BillingFileError(`${file}: the column ${twice.join(', ')} is there twice`);
  return header;
}
