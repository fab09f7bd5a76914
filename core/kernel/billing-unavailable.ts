/**
 * The supplier's billing did not answer (down, slow, or its circuit open) and nothing it said
 * earlier is kept: what was asked cannot be answered now. Flows end with a clear word for it,
 * never a generic error; readings are kept and handed over later.
 */
export class BillingUnavailable extends Error {
  override readonly name = 'BillingUnavailable';

  constructor(
    /** The endpoint that failed, as `GET /v1/accounts/{account}` (no account number: logs see it). */
    readonly endpoint: string,
    options?: { readonly cause?: unknown },
  ) {
    super(`billing unavailable: ${endpoint}`, options);
  }
}
