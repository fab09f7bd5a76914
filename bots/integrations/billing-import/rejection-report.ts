import { open, type FileHandle } from 'node:fs/promises';
import type { Rejection } from './batch-writer';

/** How many refused rows of one file are told on stderr; the report file has them all. */
const toldPerFile = 100;

/**
 * Refused rows, one JSON object a line (`{"file","line","reason"}`, and `lastLine` when a broken
 * record took several), appended to the report file, and the first of each file told on stderr.
 */
export class RejectionReport {
  private readonly told = new Map<string, number>();

  private constructor(
    private readonly handle: FileHandle,
    readonly path: string,
    private readonly tell: (line: string) => void,
  ) {}

  static async open(path: string, tell: (line: string) => void): Promise<RejectionReport> {
    return new RejectionReport(await open(path, 'a'), path, tell);
  }

  /** Resolves once the lines are written: a kill after it loses none of them. */
  async record(file: string, rejections: readonly Rejection[]): Promise<void> {
    let text = '';
    for (const { line, lastLine, reason } of rejections)
      text += `${JSON.stringify(lastLine > line ? { file, line, lastLine, reason } : { file, line, reason })}\n`;
    await this.handle.appendFile(text);
    const told = this.told.get(file) ?? 0;
    for (const { line, lastLine, reason } of rejections.slice(0, Math.max(0, toldPerFile - told))) {
      this.tell(`${file}:${lastLine > line ? `${line}-${lastLine}` : line}: ${reason}`);
    }
    if (told < toldPerFile && told + rejections.length >= toldPerFile) this.tell(`${file}: more refused rows are only in ${this.path}`);
    this.told.set(file, told + rejections.length);
  }

  async close(): Promise<void> {
    await this.handle.close();
  }
}
