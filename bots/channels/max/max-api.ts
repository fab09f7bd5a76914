import { setTimeout as pause } from 'node:timers/promises';
import { Bot, MaxError, type Api } from '@maxhub/max-bot-api';
import { PlatformError } from '../../../core/kernel/platform-error';

/** Longest wait for one MAX API call; long polling asks for less than this. */
export const maxCallTimeoutMs = 12_000;

/** MAX's own address; a proxy's or the tests' fake server's is given as `MAX_API_ROOT`. */
export const maxApiRoot = 'https://platform-api2.max.ru/';

/**
 * The MAX Bot API client of the official library, each call bounded in time: an unreachable MAX
 * holds nothing for long. The token goes in the `Authorization` header only (the library's way).
 */
export function maxApi(token: string, options: { readonly apiRoot?: string | undefined; readonly fetch?: typeof fetch } = {}): Api {
  const base = options.fetch ?? fetch;
  const timed: typeof fetch = (input, init) => {
    const timeout = AbortSignal.timeout(maxCallTimeoutMs);
    return base(input, { ...init, signal: init?.signal ? AbortSignal.any([init.signal, timeout]) : timeout });
  };
  // Method paths are relative to the root: one with a path of its own must end in a slash.
  const root = options.apiRoot ?? maxApiRoot;
  return new Bot(token, { clientOptions: { baseUrl: root.endsWith('/') ? root : `${root}/`, fetch: timed } }).api;
}

/** MAX's answer refusing a call, as a `PlatformError` (its code as the description); anything else (the network, a timeout) as it is. */
export function maxRefusal(method: string, error: unknown): unknown {
  if (!(error instanceof MaxError)) return error;
  // A file not processed yet is refused with a 400 that a later try gets past: it is MAX busy, not the message wrong.
  const status = error.code === 'attachment.not.ready' ? 503 : error.status;
  return new PlatformError('max', method, status, { description: error.code });
}

/** Waits between tries of a call MAX refused for now (429, 5xx): then it is thrown, for the update or the outbox to retry. */
const retryDelaysMs = [1000, 2000];

/** A call to MAX, tried again after a short wait when MAX is busy; its refusal thrown as a `PlatformError`. */
export async function maxCall<T>(method: string, call: () => Promise<T>, signal?: AbortSignal): Promise<T> {
  for (let attempt = 0; ; attempt += 1) {
    try {
      return await call();
    } catch (error) {
      const refusal = maxRefusal(method, error);
      const busy = refusal instanceof PlatformError && (refusal.status === 429 || refusal.status >= 500);
      const delay = retryDelaysMs[attempt];
      if (!busy || delay === undefined) throw refusal;
      await pause(delay, undefined, { signal });
    }
  }
}
