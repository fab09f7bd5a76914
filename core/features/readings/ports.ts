import type { AccountNumber } from '../../kernel/account-number';
import type { AttachmentRef } from '../../kernel/attachment';
import type { ChatAddress, ChatChannel } from '../../kernel/channel';
import type { IncomingFile } from '../../kernel/chat';
import type { Result } from '../../kernel/result';
import type { MeterState, ReadingEntry, ReadingHistoryRow } from './meter';

/** Meters and their readings («Передача показаний»). */
export interface MeterReadings {
  meters(account: AccountNumber, period: string): Promise<MeterState[]>;
  /**
   * Hands one value per zone for the period to billing; a value already sent this period is
   * replaced; none is saved once billing took the period. `key` is the submission's idempotency
   * key: sent again with it, the first outcome comes back and nothing changes. Throws
   * `BillingUnavailable` when billing cannot be reached.
   */
  submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: ChatChannel, at: Date, period: string, key: string): Promise<SubmitOutcome>;
  /** «История показаний» for the periods `from`..`to` (`YYYY-MM`, both included), oldest first. */
  history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]>;
  /** Marks the period's submitted readings as taken into billing; how many were. */
  accept(account: AccountNumber, period: string): Promise<number>;
}

/** Billing's word on a submission: taken (`replaced` when the period had a value already), or not, and why. */
export type SubmitOutcome =
  | { readonly kind: 'saved' }
  | { readonly kind: 'replaced' }
  | { readonly kind: 'closed' }
  /** A meter of the submission is not on the account (billing changed the meters while the customer typed). */
  | { readonly kind: 'unknown-meter' }
  /** Billing refused the values; its reason is told to the customer as it is. */
  | { readonly kind: 'refused'; readonly reason: string };

/** A meter photo the customer sent while typing readings: the meter asked about then, and the kept file. */
export interface MeterPhoto {
  readonly serialNumber: string;
  readonly file: AttachmentRef;
}

/** A photo as it is kept with a submission. */
export interface SubmissionPhoto extends MeterPhoto {
  readonly period: string;
  /** ISO time of the submission, as billing's history gives it back. */
  readonly submittedAt: string;
}

/**
 * Meter photos sent with readings: evidence kept with the submission, for operators and the
 * history. Ours only: billing's contract (`docs/billing-api.yaml`) has no room for a photo.
 */
export interface MeterPhotos {
  /** Read from the channel and kept under the appeals' limits; refused with the reason (too large, not a picture, gone). */
  keep(chat: ChatAddress, file: IncomingFile): Promise<Result<AttachmentRef>>;
  /** Attaches kept photos to the submission under its key; again with the same key, nothing more. */
  attach(
    submission: { readonly key: string; readonly account: AccountNumber; readonly period: string; readonly submittedAt: Date },
    photos: readonly MeterPhoto[],
  ): Promise<void>;
  /** The photos of the account's submissions in the periods `from`..`to`. */
  of(account: AccountNumber, from: string, to: string): Promise<SubmissionPhoto[]>;
}

/** A chat submission with its photos, as the operators' desk shows it. */
export interface PhotographedSubmission {
  readonly account: AccountNumber;
  readonly period: string;
  readonly submittedAt: string;
  /** What the customer sent; empty when the submission itself is no longer kept. */
  readonly entries: readonly ReadingEntry[];
  /** Billing's word; null while it is on its way. */
  readonly outcome: SubmitOutcome | null;
  readonly photos: readonly MeterPhoto[];
}

/** The desk's readings view: the newest submissions sent with photos, of one account or all. */
export interface PhotographedSubmissions {
  recent(account: AccountNumber | null, limit: number): Promise<PhotographedSubmission[]>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly readings: MeterReadings;
    readonly meterPhotos: MeterPhotos;
  }
}
