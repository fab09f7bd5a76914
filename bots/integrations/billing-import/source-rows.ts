/** A row of a billing file as read, before its columns are checked: its lines, and its data or why it could not be read. */
export type SourceRow =
  { readonly line: number; readonly lastLine: number; readonly data: unknown } | { readonly line: number; readonly lastLine: number; readonly problem: string };

/** A file's rows in order, and how far into the file the reading is (for the progress bar). */
export interface SourceRows extends AsyncIterable<SourceRow> {
  bytesRead(): number;
}

/** The file as a whole cannot be imported (no such header, both formats of a kind…): nothing of it is read. */
export class BillingFileError extends Error {
  override readonly name = 'BillingFileError';
}
