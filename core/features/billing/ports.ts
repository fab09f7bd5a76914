import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';
import type { ReadingEntry } from '../readings/meter';
import type { SubmitOutcome } from '../readings/ports';

/**
 * What energobot keeps of billing's answers (hot reads, for seconds; the last known, for when
 * billing is away). An event from billing makes it forget an account's at once.
 */
export interface BillingCache {
  forget(account: AccountNumber): Promise<void>;
}

/** A submission as the chat made it, kept until billing has it. */
export interface ReadingHandover {
  /** The idempotency key billing sees on every attempt. */
  readonly key: string;
  readonly account: AccountNumber;
  readonly period: string;
  readonly entries: readonly ReadingEntry[];
  readonly chat: ChatAddress;
  readonly submittedAt: Date;
}

/** Readings on their way to billing: kept first, handed over now or by the outbox, settled once. */
export interface ReadingHandovers {
  /** Keeps it (a second call with the same key keeps nothing more); the outbox takes it if it is not settled soon. */
  keep(handover: ReadingHandover): Promise<void>;
  /** Records billing's word; true only for the call that settled it (a late attempt of the outbox changes nothing). */
  settle(key: string, outcome: SubmitOutcome, at: Date): Promise<boolean>;
}

/** A kept submission as the outbox takes it. */
export interface DueHandover extends ReadingHandover {
  readonly id: number;
  readonly attempts: number;
}

/** Events billing sent, by id: each is acted on once. */
export interface BillingEventLog {
  /** True the first time the id is seen; the event is then acted on. */
  firstTime(id: string, type: string, at: Date): Promise<boolean>;
  /** Acting on it failed: billing's retry of the event is acted on again. */
  forget(id: string): Promise<void>;
}

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly handovers: ReadingHandovers;
  }
}
