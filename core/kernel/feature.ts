import type { Chat } from './chat';
import type { TaskRequest } from './actions';
import type { FlowEnd } from './flow-end';
import type { FlowServices } from './services';

/** A customer task's flow; `argument` comes from a command (`/readings 12345`) or a button. */
export type Flow = (chat: Chat, services: FlowServices, argument?: string) => Promise<FlowEnd>;

export type MenuPlace = 'main' | 'more';

export interface Task {
  /** Its name in commands (`/readings`), buttons (`go:readings`) and message ids (`action-readings`). */
  readonly action: string;
  readonly flow: Flow;
  /**
   * Bump when a change would make a saved, half-finished run of the flow replay differently
   * (the flow tests compare saved runs with `test/flows/replay-fingerprints.json` and fail until it is).
   */
  readonly version: number;
  /** Where the menu offers it: to a chat with a linked account, to one without; absent, not at all. */
  readonly menu?: { readonly linked?: MenuPlace; readonly unlinked?: MenuPlace };
  /** `help-<action>` in /help, and a command in Telegram's command list. */
  readonly command?: boolean;
  /** `intent-<action>` in each locale: phrasings of free text that ask for this task. */
  readonly intents?: boolean;
}

/**
 * A port as flows see it, and which of its methods only read: a retry of an update may call
 * those again, while every other call is kept in the journal before the flow goes on.
 */
export interface PortSpec<P> {
  readonly reads: readonly (keyof P & string)[];
  /** Carries the port's type only; never set. */
  readonly port?: P;
}

export function port<P>(...reads: readonly (keyof P & string)[]): PortSpec<P> {
  return { reads };
}

/** A feature: the tasks it adds, and the ports its flows are given under their names in `FlowServices`. */
export interface Feature<Ports extends Record<string, { readonly reads: readonly string[] }>> {
  readonly tasks: readonly Task[];
  readonly ports: Ports;
  /**
   * A platform's «reply» to one of the bot's messages that continues this feature's task: the
   * task to start (from the replied message's words), whose first question the reply answers.
   */
  readonly replyTo?: (replied: string) => TaskRequest | null;
}
