/**
 * A saved run of a flow that the flow's code no longer matches: at operation `op` the run saved
 * `expected`, and the code now does `found` (a deploy changed the flow without bumping its
 * version, or a saved state is damaged).
 */
export class ReplayError extends Error {
  constructor(
    readonly action: string,
    readonly op: number,
    readonly expected: string,
    readonly found: string,
  ) {
    super(`Flow ${action} no longer replays its saved run: operation ${op} was ${expected}, now ${found}`);
    this.name = 'ReplayError';
  }
}
