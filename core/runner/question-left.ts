/**
 * The customer's words at hand answer none of the question's choices and ask for something
 * else (another task's words, or anything once the task's effect is done, or a second miss in a
 * row): thrown out of the flow, so the runner reads them as if no question waited and keeps the
 * question aside to come back to.
 */
export class QuestionLeft extends Error {
  constructor() {
    super('The customer left the question for something else');
  }
}

/** When a question may be left: only for the input at hand, never for one replayed from the saved run. */
export interface Leaving {
  /** The `asked` count at which the input at hand is read (the waiting question's `asked`). */
  readonly fresh: number;
  /** Typed words that ask for another task than the flow's own. */
  asksElsewhere(typed: string): boolean;
}
