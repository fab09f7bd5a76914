import type { AccountNumber } from '../../kernel/account-number';
import type { ChatAddress } from '../../kernel/channel';

export type InterruptionKind = 'planned' | 'emergency';

/** An interruption of supply as published: `version` counts the changes told to the chats. */
export interface Interruption {
  readonly id: number;
  readonly kind: InterruptionKind;
  readonly area: string;
  readonly from: Date;
  readonly until: Date;
  readonly reason: string;
  readonly endedAt: Date | null;
  readonly version: number;
}

export interface InterruptionDraft {
  readonly kind: InterruptionKind;
  readonly area: string;
  readonly from: Date;
  readonly until: Date;
  readonly reason: string;
}

/** What a change is: a new expected time, or the end. */
export type InterruptionChange = { readonly until: Date } | { readonly ended: true };

/** The supplier's published interruptions. */
export interface Interruptions {
  /** The one published; `again` when the same (the same words and times, not ended) was published before, or at the same time. */
  publish(draft: InterruptionDraft, at: Date): Promise<{ readonly interruption: Interruption; readonly again: boolean }>;
  /** The interruption changed (its version one more) while it is at `version`; null when it is not (another change came first). */
  change(id: number, version: number, change: InterruptionChange, at: Date): Promise<Interruption | null>;
  get(id: number): Promise<Interruption | null>;
  /** Not ended yet, the soonest first. */
  active(): Promise<Interruption[]>;
  /** Every chat due to hear `version` has its notice queued. */
  told(id: number, version: number): Promise<void>;
  /** Those whose last change is not yet queued to everyone (a process died telling it). */
  untold(): Promise<Interruption[]>;
  /** The newest first, ended ones too: what the desk lists. */
  latest(limit: number): Promise<Interruption[]>;
}

/** Every chat linked to an account, with the account's address: who lives where. */
export interface LinkedAddresses {
  all(): Promise<readonly { readonly chat: ChatAddress; readonly account: AccountNumber; readonly address: string }[]>;
}

// The ports this feature's flows are given (see `Ports`): they read what is published, never publish.
declare module '../../kernel/services' {
  interface Ports {
    readonly interruptions: Interruptions;
  }
}
