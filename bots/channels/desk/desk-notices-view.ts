import type { Interruption } from '../../../core/features/interruptions/ports';
import type { BroadcastTally } from '../../../core/features/outbox/ports';
import type { Text } from '../../../core/kernel/text';
import type { DueReminder } from '../../../core/features/reminders/reminder-schedule';

/** The publishing form's fields as the operator typed them: a refused form is shown with them again. */
export interface PublishFields {
  readonly kind: string;
  readonly area: string;
  readonly from: string;
  readonly until: string;
  readonly reason: string;
}

/** Why a form of the page was refused, and what it held. */
export type NoticesRefusal =
  | { readonly form: 'publish'; readonly error: Text; readonly given: PublishFields }
  | { readonly form: 'change'; readonly id: number; readonly error: Text; readonly until?: string };

/** What `/desk/notices` shows. */
export interface NoticesView {
  /** The newest first, each with how its changes' notices went (by version, the announcement first). */
  readonly interruptions: readonly {
    readonly interruption: Interruption;
    readonly changes: readonly { readonly version: number; readonly tally: BroadcastTally }[];
  }[];
  /** The months' reminders that queued anything, the newest first. */
  readonly reminders: readonly { readonly reminder: DueReminder; readonly tally: BroadcastTally }[];
  /** The supplier's: the forms' times are its clock. */
  readonly timeZone: string;
  readonly now: Date;
  readonly refused?: NoticesRefusal;
}
