/**
 * The environment Chromium starts in: this process's, without libfaketime. A run that shifts
 * the date (`faketime`) shifts it for energobot; Web Chat's page never finishes loading under it.
 */
export function browserEnv(): Record<string, string> {
  const { LD_PRELOAD: _preload, FAKETIME: _faketime, FAKETIME_DONT_FAKE_MONOTONIC: _monotonic, ...rest } = process.env;
  return Object.fromEntries(Object.entries(rest).filter((entry): entry is [string, string] => entry[1] !== undefined));
}
