import type { AccountNumber } from '../../kernel/account-number';
import type { ChatChannel } from '../../kernel/channel';
import type { MeterState, ReadingEntry, ReadingHistoryRow } from './meter';

/** Meters and their readings («Передача показаний»). */
export interface MeterReadings {
  meters(account: AccountNumber, period: string): Promise<MeterState[]>;
  /** Saves one value per zone for the period; a value already sent this period is replaced; none is saved once billing took the period. */
  submit(account: AccountNumber, entries: readonly ReadingEntry[], channel: ChatChannel, at: Date, period: string): Promise<SubmitOutcome>;
  /** «История показаний» for the periods `from`..`to` (`YYYY-MM`, both included), oldest first. */
  history(account: AccountNumber, from: string, to: string): Promise<ReadingHistoryRow[]>;
  /** Marks the period's submitted readings as taken into billing; how many were. */
  accept(account: AccountNumber, period: string): Promise<number>;
}

export type SubmitOutcome = 'saved' | 'replaced' | 'closed';

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly readings: MeterReadings;
  }
}
