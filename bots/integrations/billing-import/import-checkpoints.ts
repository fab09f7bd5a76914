import type { ClientBase } from 'pg';
import { z } from 'zod';

/** How far the import of one file got (db/entities/import-checkpoint.ts): lines done, rows in, rows refused. */
export interface ImportCheckpoint {
  readonly sha256: string;
  readonly lines: number;
  readonly rows: number;
  readonly rejected: number;
  readonly done: boolean;
}

const savedRow = z.object({ sha256: z.string(), lines: z.number(), rows: z.number(), rejected: z.number(), done: z.boolean() });

/** Where a file's import starts: after its checkpoint when the file is the same, from its first line when it is new or changed. */
export async function startingPoint(client: ClientBase, file: string, sha256: string): Promise<ImportCheckpoint> {
  const { rows } = await client.query('select sha256, lines, rows, rejected, done from import_checkpoint where file = $1', [file]);
  const saved = rows.length > 0 ? savedRow.parse(rows[0]) : null;
  return saved?.sha256 === sha256 ? saved : { sha256, lines: 0, rows: 0, rejected: 0, done: false };
}

/** Written in the transaction of the rows it counts: a killed import resumes exactly after them. */
export async function saveCheckpoint(client: ClientBase, file: string, checkpoint: ImportCheckpoint): Promise<void> {
  await client.query(
    [
      'insert into import_checkpoint (file, sha256, lines, rows, rejected, done, updated_at) values ($1, $2, $3, $4, $5, $6, now())',
      'on conflict (file) do update set sha256 = excluded.sha256, lines = excluded.lines, rows = excluded.rows,',
      'rejected = excluded.rejected, done = excluded.done, updated_at = excluded.updated_at',
    ].join(' '),
    [file, checkpoint.sha256, checkpoint.lines, checkpoint.rows, checkpoint.rejected, checkpoint.done],
  );
}
