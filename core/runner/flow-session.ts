import type { ReplayState } from '@grammyjs/conversations/out/engine.js';
import { z } from 'zod';
import type { Said } from '../kernel/content/content';
import { locales } from '../kernel/locale';

/** A flow waiting for the customer's next input. */
const waitingSchema = z.object({
  action: z.string(),
  version: z.number(),
  argument: z.string().optional(),
  locale: z.enum(locales),
  /** The run's number: tags its questions' buttons. */
  run: z.number(),
  /** Questions asked so far; the one waiting is `asked - 1`. */
  asked: z.number(),
  interrupt: z.number(),
  state: z.custom<ReplayState>((value) => typeof value === 'object' && value !== null),
  /** What each question asked (see `ReplayChat.questions`); a session saved before they were kept has none. */
  questions: z.array(z.string()).default([]),
  /** The task's effect is done: what it asks now is optional (see `Chat.settled`). */
  settled: z.boolean().optional(),
  /** It waits on `Chat.listen`: free words and files at the menu are its, even while it is kept aside. */
  listening: z.boolean().optional(),
  /** The question it waits on, shown again when the customer comes back to it. */
  prompt: z.custom<Said>((value) => typeof value === 'object' && value !== null).optional(),
});

/** Bump when the shape below changes; a session of another shape is started afresh. */
export const sessionVersion = 2;

export const sessionSchema = z.object({
  v: z.literal(sessionVersion),
  locale: z.enum(locales),
  /** The customer chose the language in the chat; until then it follows the platform's hint. */
  chosen: z.boolean(),
  runs: z.number(),
  flow: waitingSchema.optional(),
  /** A flow left for another task, kept so the customer can continue it. */
  suspended: waitingSchema.optional(),
  /** The last message's buttons as [typed form of the label, data]: typing a label presses it. */
  buttons: z.array(z.tuple([z.string(), z.string()])),
});

export type FlowSession = z.infer<typeof sessionSchema>;
export type Waiting = NonNullable<FlowSession['flow']>;
