import { once } from 'node:events';
import { createWriteStream, type WriteStream } from 'node:fs';
import type { FileFormat } from './row-fields';

/** A value of a billing file's column: a list is a CSV cell of `;`-separated items. */
export type FileValue = string | number | boolean | null | readonly string[];

/** Lines are handed to the file in chunks of about this many characters. */
const chunkLength = 1 << 16;

function csvCell(value: FileValue): string {
  if (value === null) return '';
  const text = Array.isArray(value) ? value.join(';') : String(value);
  return /[",\r\n]|^\s|\s$/.test(text) ? `"${text.replace(/"/g, '""')}"` : text;
}

/**
 * Writes a billing file row by row in the format `npm run import` reads, as a stream: the file is
 * never in memory, and a writer that gets ahead of the disk waits for it.
 */
export class BillingFileWriter {
  private pending = '';

  private constructor(
    private readonly stream: WriteStream,
    private readonly format: FileFormat,
    private readonly columns: readonly string[],
  ) {}

  static async create(path: string, format: FileFormat, columns: readonly string[]): Promise<BillingFileWriter> {
    const writer = new BillingFileWriter(createWriteStream(path), format, columns);
    if (format === 'csv') await writer.append(`${columns.join(',')}\n`);
    return writer;
  }

  async write(row: Readonly<Record<string, FileValue>>): Promise<void> {
    await this.append(this.format === 'csv' ? `${this.columns.map((column) => csvCell(row[column] ?? null)).join(',')}\n` : `${JSON.stringify(row)}\n`);
  }

  async close(): Promise<void> {
    if (this.pending !== '') this.stream.write(this.pending);
    this.stream.end();
    await once(this.stream, 'finish');
  }

  private async append(text: string): Promise<void> {
    this.pending += text;
    if (this.pending.length < chunkLength) return;
    const chunk = this.pending;
    this.pending = '';
    if (!this.stream.write(chunk)) await once(this.stream, 'drain');
  }
}
