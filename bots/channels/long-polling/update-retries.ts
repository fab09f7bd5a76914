import { errorFields, type Log } from '../../../core/kernel/log';

/** Waits between attempts at one update: a failure is retried before polling moves past it. */
export const retryDelaysMs = [500, 1000, 2000, 5000, 10_000, 30_000];
/** An update that fails this many times in a row (about ten minutes) is given up, loudly. */
const maxAttempts = 25;

/**
 * One polled update, handled or tried again, one attempt after another: true once it is handled
 * (or given up), false when polling stopped before its retries were done. Long polling that loses
 * nothing confirms an update to its platform only after this.
 */
export async function handledWithRetries(
  handle: () => Promise<void>,
  polling: { readonly platform: string; readonly stopping: AbortSignal; readonly log: Log; readonly fields: Record<string, unknown> },
): Promise<boolean> {
  for (let attempt = 1; ; attempt += 1) {
    try {
      await handle();
      return true;
    } catch (error) {
      if (attempt >= maxAttempts) {
        polling.log.error(`${polling.platform} update given up after repeated failures`, { ...polling.fields, attempts: attempt, ...errorFields(error) });
        return true;
      }
      polling.log.warn(`${polling.platform} update not handled, will retry`, { ...polling.fields, attempt, ...errorFields(error) });
      if (!(await pausedUnlessStopped(retryDelaysMs[Math.min(attempt - 1, retryDelaysMs.length - 1)] as number, polling.stopping))) return false;
    }
  }
}

/** Waits, or stops waiting when polling stops; true when the wait ran its course. */
export function pausedUnlessStopped(ms: number, stopping: AbortSignal): Promise<boolean> {
  return new Promise((resolve) => {
    if (stopping.aborted) return resolve(false);
    if (ms <= 0) return resolve(true);
    const stopped = () => {
      clearTimeout(timer);
      resolve(false);
    };
    // Removed once the wait is over: polling waits twice a second, for days.
    const timer = setTimeout(() => {
      stopping.removeEventListener('abort', stopped);
      resolve(true);
    }, ms);
    stopping.addEventListener('abort', stopped, { once: true });
  });
}
