import { performance } from 'node:perf_hooks';
import { setImmediate } from 'node:timers/promises';
import { Client, DatabaseError, type ClientBase } from 'pg';
import { BatchWriter, emptyBatch, type Batch } from './batch-writer';
import { billingFiles, type BillingFile } from './billing-files';
import { csvRows } from './csv-rows';
import { fileDigest } from './file-digest';
import { startingPoint } from './import-checkpoints';
import { ImportProgress, type ProgressOutput } from './import-progress';
import { ndjsonRows } from './ndjson-rows';
import { RejectionReport } from './rejection-report';
import type { RowReading } from './row-kind';
import type { SourceRow } from './source-rows';

/** PostgreSQL's `lock_not_available`. */
const lockNotAvailable = '55P03';

export interface BillingImport {
  /** PostgreSQL, migrated already. */
  readonly databaseUrl: string;
  readonly directory: string;
  /** Rows a transaction takes (refused rows count). */
  readonly batchRows: number;
  readonly reportPath: string;
  /** Progress, refused rows and skipped files: stderr. */
  readonly progress: ProgressOutput;
}

/** What became of one file. */
export interface FileOutcome {
  readonly file: string;
  /** `unchanged`: imported completely before, the same bytes, so not read again. */
  readonly status: 'imported' | 'unchanged';
  /** Rows in the tables and rows refused, over all runs of this file. */
  readonly rows: number;
  readonly rejected: number;
  /** This run only: rows read (refused ones included) and the time they took. */
  readonly rowsRead: number;
  readonly seconds: number;
}

/**
 * Imports the billing files of a directory into PostgreSQL, one file after the other in the order
 * of their references, on one connection of its own (its staging tables are temporary).
 */
export async function importBillingData(options: BillingImport): Promise<FileOutcome[]> {
  const files = billingFiles(options.directory);
  const progress = new ImportProgress(options.progress);
  const client = new Client({ connectionString: options.databaseUrl });
  await client.connect();
  try {
    await holdImportLock(client);
    // A commit need not wait for the disk: should the server crash, the batches lost lose their checkpoint with them.
    await client.query('set synchronous_commit = off');
    const report = await RejectionReport.open(options.reportPath, (line) => progress.note(line));
    try {
      const outcomes: FileOutcome[] = [];
      for (const file of files) outcomes.push(await importFile(client, file, options.batchRows, report, progress));
      return outcomes;
    } finally {
      await report.close();
    }
  } finally {
    await client.end();
  }
}

/**
 * One import at a time on a database. A killed import's session may linger a moment after it, so
 * the lock is waited for a few seconds before the import is refused.
 */
async function holdImportLock(client: ClientBase): Promise<void> {
  await client.query("set lock_timeout = '10s'");
  try {
    await client.query("select pg_advisory_lock(hashtext('energobot billing import'))");
  } catch (error) {
    if (error instanceof DatabaseError && error.code === lockNotAvailable) throw new Error('another import is running on this database; wait for it to end');
    throw error;
  } finally {
    await client.query('reset lock_timeout');
  }
}

async function importFile(client: ClientBase, file: BillingFile, batchRows: number, report: RejectionReport, progress: ImportProgress): Promise<FileOutcome> {
  const from = await startingPoint(client, file.name, await fileDigest(file.path));
  if (from.done) {
    progress.note(`${file.name}: unchanged since its import, skipped`);
    return { file: file.name, status: 'unchanged', rows: from.rows, rejected: from.rejected, rowsRead: 0, seconds: 0 };
  }
  if (from.lines > 0) progress.note(`${file.name}: resuming after line ${from.lines}`);
  const writer = await BatchWriter.open(client, { kind: file.kind, file: file.name, from, report: (rejections) => report.record(file.name, rejections) });
  const startedAt = performance.now();
  progress.start(file.name, file.size);
  const rowsRead = await writeBatches(file, from.lines, batchRows, writer, progress);
  const seconds = (performance.now() - startedAt) / 1000;
  const { rows, rejected } = writer.checkpoint;
  progress.finish(`${file.name}: ${rows} rows in, ${rejected} refused`);
  return { file: file.name, status: 'imported', rows, rejected, rowsRead, seconds };
}

/**
 * Reads the file after `linesDone` into batches; a batch is written while the next is read (the
 * database works on one core, the reading on the other), and the last one marks the file done.
 */
async function writeBatches(file: BillingFile, linesDone: number, batchRows: number, writer: BatchWriter, progress: ImportProgress): Promise<number> {
  const source = file.format === 'csv' ? csvRows(file.path, file.kind.columns) : ndjsonRows(file.path);
  const read = file.kind.read[file.format];
  let batch = emptyBatch();
  let writing: Promise<void> = Promise.resolve();
  let rowsRead = 0;
  for await (const row of source) {
    if (row.lastLine <= linesDone) continue;
    add(batch, row, read);
    rowsRead += 1;
    if (batch.staged.length + batch.rejected.length >= batchRows) {
      await writing;
      writing = writer.write(batch, false);
      // Awaited before the next batch or at the end; until then a failure must not count as unhandled.
      writing.catch(() => undefined);
      batch = emptyBatch();
    }
    if (rowsRead % 512 === 0) {
      progress.update(rowsRead, source.bytesRead());
      // Rows already read come as a chain of promises that holds off I/O: the database's answers to
      // the batch being written are taken in here, or it would wait for the reading of a whole chunk.
      await setImmediate();
    }
  }
  await writing;
  await writer.write(batch, true);
  progress.update(rowsRead, source.bytesRead());
  return rowsRead;
}

function add(batch: Batch, row: SourceRow, read: (data: unknown) => RowReading): void {
  batch.lastLine = row.lastLine;
  const reading = 'problem' in row ? row : read(row.data);
  if ('values' in reading) batch.staged.push({ line: row.line, values: reading.values });
  else batch.rejected.push({ line: row.line, lastLine: row.lastLine, reason: reading.problem });
}
