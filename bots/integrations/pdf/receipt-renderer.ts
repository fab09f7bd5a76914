import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { Piscina } from 'piscina';
import type { ReceiptSheet } from './receipt-sheet';

/**
 * Receipt PDFs are rendered on worker threads: a render holds a CPU for tens of milliseconds,
 * and the event loop must keep answering every other customer meanwhile.
 */
export class ReceiptRenderer {
  private readonly pool: Piscina<ReceiptSheet, ArrayBuffer>;

  constructor(threads = Math.max(1, Math.min(4, availableParallelism()))) {
    this.pool = new Piscina({
      filename: join(__dirname, 'render-worker.ts'),
      // The worker is TypeScript, like the rest: tsx compiles it in the thread as it does here.
      execArgv: ['--import', 'tsx'],
      minThreads: 1,
      maxThreads: threads,
      idleTimeout: 60_000,
    });
  }

  async render(sheet: ReceiptSheet): Promise<Buffer> {
    return Buffer.from(await this.pool.run(sheet));
  }

  close(): Promise<void> {
    return this.pool.destroy();
  }
}
