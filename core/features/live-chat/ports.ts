import type { ChatAddress } from '../../kernel/channel';
import type { Locale } from '../../kernel/locale';
import type { AttachmentRef } from '../../kernel/attachment';
import type { OperatorHours } from './operator-hours';

export type LiveChatStatus = 'waiting' | 'talking' | 'ended';

/** A customer's conversation with an operator: in the queue, with an operator, or over. */
export interface LiveChat {
  readonly id: number;
  readonly chat: ChatAddress;
  readonly locale: Locale;
  readonly status: LiveChatStatus;
  /** The login of the operator who took it. */
  readonly operator: string | null;
  /** ISO times. */
  readonly queuedAt: string;
  readonly takenAt: string | null;
  readonly endedAt: string | null;
  /** `nobody`: let go from the queue when no operator could take it (the hours over, nobody on duty). */
  readonly endedBy: 'customer' | 'operator' | 'nobody' | null;
}

export interface LiveMessage {
  readonly id: number;
  readonly from: 'customer' | 'operator';
  readonly text: string;
  readonly files: readonly AttachmentRef[];
  /** ISO time. */
  readonly at: string;
  /** The operator's login, for an operator's message. */
  readonly operator: string | null;
}

/** The queue and the conversations, shared by every instance (in the database, never in a process's memory). */
export interface LiveChats {
  /** Puts the chat in the queue; the conversation it has open already when it has one. */
  join(chat: ChatAddress, locale: Locale, at: Date): Promise<LiveChat>;
  /** The chat's conversation not over yet, if any. */
  openOf(chat: ChatAddress): Promise<LiveChat | null>;
  get(id: number): Promise<LiveChat | null>;
  /** Waiting, first come first: a chat's place is its index + 1. */
  queue(): Promise<LiveChat[]>;
  /** The conversations `operator` is in. */
  talking(operator: string): Promise<LiveChat[]>;
  /** `operator` takes it, when it still waits: one operator of several taking it at once wins. */
  take(id: number, operator: string, at: Date): Promise<boolean>;
  /** Ends it, when it is not over yet. */
  end(id: number, by: 'customer' | 'operator', at: Date): Promise<boolean>;
  /** Ends it while it still waits (nobody took it), and only then. */
  letGo(id: number, at: Date): Promise<boolean>;
  /** Adds to the conversation, once per key: a repeat of the key is kept once; nothing joins a conversation over. */
  add(id: number, message: Omit<LiveMessage, 'id'> & { readonly key: string }): Promise<'added' | 'repeated' | 'over'>;
  /** The first message of each of the conversations, by id: what a waiting customer wrote, in one look for the whole queue. */
  firstMessages(ids: readonly number[]): Promise<ReadonlyMap<number, LiveMessage>>;
  /** How many messages the conversation has, either way. */
  count(id: number): Promise<number>;
  /** The conversation's messages after the one numbered `after`, oldest first. */
  messages(id: number, after: number): Promise<LiveMessage[]>;
  /** The place in the queue the chat was last told; true when `position` is news to it: nearer than the last told, or the first. */
  tellPosition(id: number, position: number): Promise<boolean>;
  /** The operator has the desk's conversations open at `at`. */
  onDuty(operator: string, at: Date): Promise<void>;
  /** How many operators had them open since `since`. */
  operatorsOnDuty(since: Date): Promise<number>;
  /** How long the last conversations lasted, from taken to ended, in minutes. */
  recentTalkMinutes(limit: number): Promise<number[]>;
}

/** An operator seen on the desk this recently is on duty: the page looks every few seconds. */
export const onDutyWithinMs = 2 * 60_000;

// The ports this feature's flows are given (see `Ports`).
declare module '../../kernel/services' {
  interface Ports {
    readonly liveChats: LiveChats;
  }
  interface Policy {
    /** When operators answer in the chat; null: never (the customer is offered an appeal). */
    readonly operatorHours: OperatorHours | null;
  }
}
