import { rowProblem, rowSchema, type FileFormat, type RowOf, type RowShape } from './row-fields';

/** The kinds of billing file; each is `<kind>.csv` or `<kind>.ndjson`. */
export type KindName = 'accounts' | 'meters' | 'tariffs' | 'charges' | 'payments' | 'readings';

/** A value as it goes into the staging table. */
export type StagedValue = string | number | boolean | null;

export type RowReading = { readonly values: readonly StagedValue[] } | { readonly problem: string };

/** The columns a file of the kind has: a CSV header must name the required ones and nothing unknown. */
export interface KindColumns {
  /** In the order files are written with. */
  readonly all: readonly string[];
  readonly required: readonly string[];
}

/** One kind of billing file: how its rows are checked, staged, and brought into the table they feed. */
export interface RowKind {
  readonly name: KindName;
  readonly columns: KindColumns;
  readonly read: Readonly<Record<FileFormat, (data: unknown) => RowReading>>;
  /** The staging table, one of the importing session's own (`on commit delete rows`). */
  readonly stagingTable: string;
  /** Its columns after `line`, in the order `read` gives the values. */
  readonly stagingColumns: readonly (readonly [name: string, type: string])[];
  /** Deletes the staged rows that refer to an account or meter the tables lack, `returning line, reason`. */
  readonly dropUnknownReferences: string | null;
  /** Brings the staged rows left into the table; the last row of a key wins. */
  readonly upsert: string;
}

interface KindSpec<S extends RowShape> {
  readonly name: KindName;
  readonly shape: S;
  readonly stagingColumns: RowKind['stagingColumns'];
  readonly staged: (row: RowOf<S>) => readonly StagedValue[];
  readonly dropUnknownReferences: (stagingTable: string) => string | null;
  readonly upsert: (stagingTable: string) => string;
}

export const stagingTableOf = (name: KindName) => `import_stage_${name}`;

export function rowKind<S extends RowShape>(spec: KindSpec<S>): RowKind {
  const reader = (format: FileFormat) => {
    const schema = rowSchema(spec.shape, format);
    return (data: unknown): RowReading => {
      const parsed = schema.safeParse(data);
      return parsed.success ? { values: spec.staged(parsed.data) } : { problem: rowProblem(parsed.error) };
    };
  };
  const names = Object.keys(spec.shape);
  const stagingTable = stagingTableOf(spec.name);
  return {
    name: spec.name,
    columns: { all: names, required: names.filter((name) => !spec.shape[name]?.optional) },
    read: { csv: reader('csv'), ndjson: reader('ndjson') },
    stagingTable,
    stagingColumns: spec.stagingColumns,
    dropUnknownReferences: spec.dropUnknownReferences(stagingTable),
    upsert: spec.upsert(stagingTable),
  };
}

/**
 * `insert … select … on conflict do update`, writing only rows that change: a second import of
 * the same data leaves every row (and its table) as it was.
 */
export function upsertInto(table: string, { columns, conflict, select }: { columns: readonly string[]; conflict: readonly string[]; select: string }): string {
  const updated = columns.filter((column) => !conflict.includes(column));
  return [
    `insert into ${table} as target (${columns.join(', ')})`,
    select,
    `on conflict (${conflict.join(', ')}) do update set ${updated.map((column) => `${column} = excluded.${column}`).join(', ')}`,
    `where (${updated.map((column) => `target.${column}`).join(', ')}) is distinct from (${updated.map((column) => `excluded.${column}`).join(', ')})`,
  ].join('\n');
}

/** Drops the staged rows whose account is not in the table. */
export const dropUnknownAccounts = (stagingTable: string) =>
  [
    `delete from ${stagingTable} s where not exists (select 1 from account a where a.number = s.account)`,
    "returning s.line, 'unknown account ' || s.account as reason",
  ].join(' ');
