/** The chat platforms energobot sends through. */
export type Platform = 'telegram' | 'max' | 'botframework';

/**
 * A platform refused a call: its HTTP status, or the platform's own error code (Telegram's
 * `error_code`). The channel senders throw it in place of their SDK's error, so that what decides
 * on a failure (the outbox: given up, or retried and when) reads its fields, not a cast.
 *
 * Its message names the platform, the call, the status and the platform's own fixed wording of
 * the refusal (Telegram's `description`), never what was sent; the SDK's error, which holds the
 * payload, is not kept. Logs see only its kind and status, as of any error (`failureKind`:
 * `PlatformError 403`).
 */
export class PlatformError extends Error {
  override readonly name = 'PlatformError';
  /** How long the platform asked to wait before the next call (Telegram's `retry_after`). */
  readonly retryAfterSeconds?: number;

  constructor(
    readonly platform: Platform,
    /** The platform's call: `sendMessage`, `sendDocument`, `sendActivity`… */
    readonly method: string,
    readonly status: number,
    details: { readonly description?: string; readonly retryAfterSeconds?: number } = {},
  ) {
    super(`${platform} ${method} refused: ${status}${details.description ? ` ${details.description}` : ''}`);
    if (details.retryAfterSeconds !== undefined) this.retryAfterSeconds = details.retryAfterSeconds;
  }
}
