import type { Api } from '@maxhub/max-bot-api';
import { errorFields, type Log } from '../../../core/kernel/log';
import { handledWithRetries, pausedUnlessStopped, retryDelaysMs } from '../long-polling/update-retries';
import { maxCallTimeoutMs } from './max-api';
import { readUpdateTypes } from './max-updates';

/** How long one `GET /updates` waits for news: less than a call may take. */
const longPollSeconds = Math.floor(maxCallTimeoutMs / 1000) - 4;
/** MAX asks long polling to stay within 2 requests a second. */
const minPollGapMs = 500;

/** Where the marker is kept between runs: a poll without one gets only MAX's latest update. */
export interface PollMarkers {
  read(): Promise<number | undefined>;
  write(marker: number): Promise<void>;
}

/**
 * Long polling that loses nothing: MAX takes a batch as received only when the next request
 * carries its marker, and that request goes only once each update of the batch was handled, one
 * after the other (one chat's in the order sent). The library's own polling moves the marker on
 * first and handles a batch all at once.
 */
export class MaxLongPolling {
  private readonly stopping = new AbortController();
  private running: Promise<void> = Promise.resolve();

  constructor(
    private readonly api: Api,
    private readonly handle: (update: unknown) => Promise<void>,
    private readonly log: Log,
    private readonly markers: PollMarkers,
  ) {}

  start(): void {
    this.running = this.loop();
  }

  /** Stops asking for updates and waits for the one being handled. */
  async stop(): Promise<void> {
    this.stopping.abort();
    await this.running;
  }

  private async loop(): Promise<void> {
    let marker = await this.markers.read().catch((error: unknown) => {
      this.log.warn('the MAX polling marker could not be read: polling starts from what MAX gives', errorFields(error));
      return undefined;
    });
    const signal = this.stopping.signal;
    while (!signal.aborted) {
      const asked = performance.now();
      let batch: { readonly updates: readonly unknown[]; readonly marker?: number | null };
      try {
        batch = await this.api.getUpdates([...readUpdateTypes], { timeout: longPollSeconds, limit: 100, ...(marker !== undefined && { marker }), signal });
      } catch (error) {
        if (signal.aborted) return;
        this.log.warn('MAX getUpdates failed, will retry', errorFields(error));
        if (!(await this.wait(retryDelaysMs[3] as number))) return;
        continue;
      }
      for (const update of batch.updates) if (!(await this.handled(update))) return;
      if (typeof batch.marker === 'number' && batch.marker !== marker) {
        marker = batch.marker;
        // Kept or not, the next poll confirms the batch: a restart before the next write only sees it again.
        await this.markers.write(marker).catch((error: unknown) => this.log.warn('the MAX polling marker could not be kept', errorFields(error)));
      }
      if (!(await this.wait(minPollGapMs - (performance.now() - asked)))) return;
    }
  }

  /** True once the update is handled (or given up); false when stopping cut its retries short. */
  private handled(update: unknown): Promise<boolean> {
    const kind = (update as { update_type?: unknown } | null)?.update_type;
    return handledWithRetries(() => this.handle(update), {
      platform: 'MAX',
      stopping: this.stopping.signal,
      log: this.log,
      fields: { updateType: String(kind) },
    });
  }

  private wait(ms: number): Promise<boolean> {
    return pausedUnlessStopped(ms, this.stopping.signal);
  }
}
