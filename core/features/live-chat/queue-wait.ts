/** A conversation's length when none has ended lately to go by: a few questions and answers. */
export const usualTalkMinutes = 5;

/**
 * About how long the customer at `position` waits: the conversations ahead shared among the
 * operators on duty, each as long as the recent ones were (their median), at least a minute.
 */
export function expectedWaitMinutes(position: number, operatorsOnDuty: number, recentTalkMinutes: readonly number[]): number {
  const sorted = [...recentTalkMinutes].sort((a, b) => a - b);
  const talk = sorted.length === 0 ? usualTalkMinutes : (sorted[Math.floor(sorted.length / 2)] ?? usualTalkMinutes);
  const rounds = Math.ceil(position / Math.max(1, operatorsOnDuty));
  return Math.max(1, Math.round(rounds * talk));
}
