import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { ClientBase } from 'pg';
import { from as copyFrom } from 'pg-copy-streams';
import { z } from 'zod';
import { copyLine } from './copy-text';
import { saveCheckpoint, type ImportCheckpoint } from './import-checkpoints';
import type { RowKind, StagedValue } from './row-kind';

/** A row refused, with the lines it took in its file. */
export interface Rejection {
  readonly line: number;
  readonly lastLine: number;
  readonly reason: string;
}

/** Rows read from a file since the last batch: the good ones staged, the bad ones with their reasons. */
export interface Batch {
  readonly staged: { readonly line: number; readonly values: readonly StagedValue[] }[];
  readonly rejected: Rejection[];
  /** The file's last line the batch covers. */
  lastLine: number;
}

export const emptyBatch = (): Batch => ({ staged: [], rejected: [], lastLine: 0 });

const unknownReference = z.array(z.object({ line: z.number(), reason: z.string() }));

/**
 * Writes a file's batches, each in one transaction: COPY into the staging table, the rows whose
 * account or meter is unknown taken out, the rest upserted, and the checkpoint moved on. Killed
 * anywhere, a batch is in with its checkpoint or not at all.
 */
export class BatchWriter {
  private constructor(
    private readonly client: ClientBase,
    private readonly kind: RowKind,
    private readonly file: string,
    private reached: ImportCheckpoint,
    private readonly report: (rejections: readonly Rejection[]) => Promise<void>,
  ) {}

  static async open(
    client: ClientBase,
    { kind, file, from, report }: { kind: RowKind; file: string; from: ImportCheckpoint; report: (rejections: readonly Rejection[]) => Promise<void> },
  ): Promise<BatchWriter> {
    const columns = kind.stagingColumns.map(([name, type]) => `${name} ${type}`).join(', ');
    await client.query(`create temp table if not exists ${kind.stagingTable} (line int not null, ${columns}) on commit delete rows`);
    return new BatchWriter(client, kind, file, from, report);
  }

  get checkpoint(): ImportCheckpoint {
    return this.reached;
  }

  async write(batch: Batch, done: boolean): Promise<void> {
    await this.client.query('begin');
    try {
      const unknown = await this.stage(batch);
      const rejections = [...batch.rejected, ...unknown].sort((a, b) => a.line - b.line);
      // Reported before the commit: a kill in between reports them again rather than never.
      if (rejections.length > 0) await this.report(rejections);
      if (batch.staged.length > unknown.length) await this.client.query(this.kind.upsert);
      const next: ImportCheckpoint = {
        sha256: this.reached.sha256,
        lines: Math.max(this.reached.lines, batch.lastLine),
        rows: this.reached.rows + batch.staged.length - unknown.length,
        rejected: this.reached.rejected + rejections.length,
        done,
      };
      await saveCheckpoint(this.client, this.file, next);
      await this.client.query('commit');
      this.reached = next;
    } catch (error) {
      await this.client.query('rollback').catch(() => undefined);
      throw error;
    }
  }

  /** Copies the good rows in, and takes out again those that refer to nothing known. */
  private async stage(batch: Batch): Promise<Rejection[]> {
    if (batch.staged.length === 0) return [];
    const { stagingTable, stagingColumns, dropUnknownReferences } = this.kind;
    let text = '';
    for (const row of batch.staged) text += copyLine(row.line, row.values);
    const copy = this.client.query(copyFrom(`copy ${stagingTable} (line, ${stagingColumns.map(([name]) => name).join(', ')}) from stdin`));
    await pipeline(Readable.from([text]), copy);
    if (!dropUnknownReferences) return [];
    const { rows } = await this.client.query(dropUnknownReferences);
    return unknownReference.parse(rows).map(({ line, reason }) => ({ line, lastLine: line, reason }));
  }
}
