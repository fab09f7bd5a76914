/**
 * State kept beside the chats' flow state (`state-ports.ts`), in the same store for every
 * instance: the conversations of energobot's own Direct Line endpoint, and the backlog an
 * operator watches.
 */

/** A conversation of energobot's own Direct Line endpoint (the embedded web chat's default). */
export interface DirectLineConversation {
  readonly id: string;
  /** The browser's user, derived from its own secret. */
  readonly userId: string;
  readonly locale: string;
  /** The SHA-256 of the conversation's current token; the token itself is never kept. */
  readonly tokenHash: string;
  /** In the `serviceUrl` the bot is given: only the bot can post into the conversation. */
  readonly connectorSecret: string;
  readonly tokenExpiresAt: Date;
  /** The conversation, with its activities, is forgotten after this. */
  readonly keptUntil: Date;
}

/** The Direct Line endpoint's conversations and their activities, numbered in order. */
export interface DirectLineConversations {
  create(conversation: DirectLineConversation, startedAt: Date): Promise<void>;
  find(id: string): Promise<DirectLineConversation | null>;
  findByToken(tokenHash: string): Promise<DirectLineConversation | null>;
  renewToken(id: string, tokenHash: string, tokenExpiresAt: Date): Promise<void>;
  append(conversationId: string, seq: number, activity: Record<string, unknown>): Promise<void>;
  /** The number the next activity gets. */
  nextSeq(conversationId: string): Promise<number>;
  /** Keeps a conversation's latest activities only: those from `fromSeq` on. */
  trim(conversationId: string, fromSeq: number): Promise<void>;
  /** The activities from `fromSeq` on, in order. */
  activities(conversationId: string, fromSeq: number): Promise<Record<string, unknown>[]>;
  /** Forgets conversations past their keeping time, with their activities. */
  sweep(now: Date): Promise<void>;
}

/** One outbox's waiting messages on one channel. */
export interface Backlog {
  readonly outbox: 'chat_push' | 'mail';
  readonly channel: string;
  readonly waiting: number;
  readonly oldest: Date | null;
}

/** What waits and what was given up, counted for every instance at once (what `/metrics` reports). */
export interface OutboxBacklog {
  waiting(): Promise<Backlog[]>;
  /** Pushes and mails given up for good, and updates set aside (see `DeadLetters`). */
  givenUp(): Promise<{ readonly pushes: number; readonly mails: number; readonly deadLetters: number }>;
}
