import type { ReplayControls, ReplayState } from '@grammyjs/conversations/out/engine.js';
import type { Input } from '../kernel/chat';
import { ReplayError } from './replay-error';

/** The engine's key of an operation that waits for the customer (see `ReplayChat`). */
export const inputKey = 'input';

/**
 * The engine's controls, checked against the saved run as the flow goes: an operation other than
 * the one saved at that place is a `ReplayError`, thrown before the engine would mix the old
 * run's results into the new code.
 */
export function checkedControls(controls: ReplayControls, action: string, saved: ReplayState | undefined): ReplayControls {
  let op = 0;
  const expect = (key: string) => {
    const at = op++;
    const expected = saved?.send[at]?.payload;
    if (expected !== undefined && expected !== key) throw new ReplayError(action, at, expected, key);
  };
  return {
    ...controls,
    action: (work, key) => {
      expect(key);
      return controls.action(work, key);
    },
    interrupt: (key) => {
      expect(key);
      return controls.interrupt(key);
    },
  };
}

/** What the customer gave a saved run, oldest first: one input per question asked and answered. */
export function answersIn(state: ReplayState): Input[] {
  const asks = new Set(state.send.flatMap((op, index) => (op.payload === inputKey ? [index] : [])));
  return state.receive.filter((received) => asks.has(received.send)).map((received) => received.returnValue as Input);
}
