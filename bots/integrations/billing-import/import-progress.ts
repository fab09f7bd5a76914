import { performance } from 'node:perf_hooks';

/** Where the progress goes: stderr, a terminal or not. */
export interface ProgressOutput {
  write(text: string): unknown;
  readonly isTTY?: boolean;
}

/** How often the bar is redrawn on a terminal, and a plain line written elsewhere. */
const redrawMs = 100;
const plainLineMs = 5_000;
const barWidth = 24;

interface FileRun {
  readonly file: string;
  readonly size: number;
  readonly startedAt: number;
  rows: number;
  bytes: number;
}

const grouped = (value: number) => Math.round(value).toLocaleString('en-US').replace(/,/g, ' ');

function duration(seconds: number): string {
  if (!Number.isFinite(seconds)) return '--:--';
  const whole = Math.max(0, Math.round(seconds));
  const [hours, minutes, rest] = [Math.floor(whole / 3600), Math.floor((whole % 3600) / 60), whole % 60];
  return `${hours > 0 ? `${hours}:${String(minutes).padStart(2, '0')}` : minutes}:${String(rest).padStart(2, '0')}`;
}

/**
 * Per file: rows done, rows a second, and the time left from the bytes read against the file's
 * size. A bar redrawn in place on a terminal; a plain line every few seconds when stderr is a file.
 */
export class ImportProgress {
  private run: FileRun | null = null;
  private shownAt = 0;

  constructor(private readonly output: ProgressOutput) {}

  start(file: string, size: number): void {
    this.run = { file, size, startedAt: performance.now(), rows: 0, bytes: 0 };
    this.shownAt = this.run.startedAt;
    if (this.output.isTTY) this.draw();
  }

  /** Rows read in this run so far, and bytes of the file read. */
  update(rows: number, bytes: number): void {
    if (!this.run) return;
    this.run.rows = rows;
    this.run.bytes = bytes;
    const since = performance.now() - this.shownAt;
    if (this.output.isTTY ? since >= redrawMs : since >= plainLineMs) this.draw();
  }

  /** A line that stays (a refused row, a skipped file), above the bar. */
  note(text: string): void {
    this.output.write(this.output.isTTY ? `\r\x1b[2K${text}\n` : `${text}\n`);
    if (this.output.isTTY && this.run) this.draw();
  }

  /** Ends the file's bar with its summary line. */
  finish(summary: string): void {
    this.run = null;
    this.note(summary);
  }

  private draw(): void {
    if (!this.run) return;
    this.shownAt = performance.now();
    const { file, size, rows, bytes, startedAt } = this.run;
    const seconds = (this.shownAt - startedAt) / 1000;
    const share = size > 0 ? Math.min(1, bytes / size) : 1;
    const bytesPerSecond = seconds > 0 ? bytes / seconds : 0;
    const eta = duration(bytesPerSecond > 0 ? (size - bytes) / bytesPerSecond : Number.POSITIVE_INFINITY);
    const figures = `${String(Math.floor(share * 100)).padStart(3)}%  ${grouped(rows)} rows  ${grouped(seconds > 0 ? rows / seconds : 0)} rows/s  ETA ${eta}`;
    if (this.output.isTTY) {
      const filled = Math.round(share * barWidth);
      this.output.write(`\r\x1b[2K${file} [${'█'.repeat(filled)}${'░'.repeat(barWidth - filled)}] ${figures}`);
    } else {
      this.output.write(`${file}: ${figures}\n`);
    }
  }
}
