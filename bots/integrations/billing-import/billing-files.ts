import { existsSync, statSync } from 'node:fs';
import { join } from 'node:path';
import type { FileFormat } from './row-fields';
import type { RowKind } from './row-kind';
import { rowKinds } from './row-kinds';
import { BillingFileError } from './source-rows';

/** One file of the import directory, and the kind of rows it holds. */
export interface BillingFile {
  readonly kind: RowKind;
  /** `accounts.csv`: the checkpoint's key. */
  readonly name: string;
  readonly path: string;
  readonly format: FileFormat;
  readonly size: number;
}

const formats: readonly FileFormat[] = ['csv', 'ndjson'];

/** The billing files in `directory`, in import order; a kind without a file is left out, a kind with both is refused. */
export function billingFiles(directory: string): BillingFile[] {
  if (!existsSync(directory) || !statSync(directory).isDirectory()) throw new BillingFileError(`${directory}: no such directory`);
  const files = rowKinds.flatMap((kind) => {
    const found = formats
      .map((format) => ({ kind, format, name: `${kind.name}.${format}`, path: join(directory, `${kind.name}.${format}`) }))
      .filter((file) => existsSync(file.path));
    if (found.length > 1) throw new BillingFileError(`${directory}: both ${found.map((file) => file.name).join(' and ')}; keep one`);
    return found.map((file) => ({ ...file, size: statSync(file.path).size }));
  });
  if (files.length === 0) {
    throw new BillingFileError(`${directory}: no billing files (expected ${rowKinds.map((kind) => `${kind.name}.csv or .ndjson`).join(', ')})`);
  }
  return files;
}
