/**
 * libfaketime's variables, set when a run shifts the date (Debian's `faketime`). The shifted
 * clock is for energobot and its own processes; the stores and the browser the tests start keep
 * the machine's (redis-server and Web Chat's page hang under libfaketime).
 */
const shiftingVariables = ['LD_PRELOAD', 'FAKETIME', 'FAKETIME_DONT_FAKE_MONOTONIC'] as const;

/** For energobot's own processes: the shifted clock, when there is one. */
export function shiftedClock(): Record<string, string> {
  return Object.fromEntries(shiftingVariables.flatMap((name) => (process.env[name] === undefined ? [] : [[name, process.env[name]]])));
}

/** For a store or a browser: this process's environment without the shifted clock. */
export function machineClock(): Record<string, string> {
  return Object.fromEntries(
    Object.entries(process.env).filter(
      (entry): entry is [string, string] => entry[1] !== undefined && !(shiftingVariables as readonly string[]).includes(entry[0]),
    ),
  );
}
