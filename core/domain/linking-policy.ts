/** The numbers behind linking a chat to an account (domain.md, "Linking a chat to an account"). */
export const linkingPolicy = {
  /** Failed proofs allowed per chat, and per account, within `failureWindowMs`. */
  maxFailures: 5,
  failureWindowMs: 24 * 60 * 60 * 1000,
  /** A payment proves ownership if made within this long before linking… */
  paymentLookbackMs: 365 * 24 * 60 * 60 * 1000,
  /** …and is old enough to have posted. */
  paymentMinAgeMs: 24 * 60 * 60 * 1000,
  maxAccountsPerIdentity: 10,
} as const;

export interface AttemptStatus {
  readonly remaining: number;
  readonly pausedUntil: Date | null;
}

/** Limits per chat and per account hold together: the fewest attempts left, the latest pause. */
export function combinedStatus(statuses: readonly AttemptStatus[]): AttemptStatus {
  const pauses = statuses.flatMap((status) => (status.pausedUntil ? [status.pausedUntil.getTime()] : []));
  return {
    remaining: Math.min(...statuses.map((status) => status.remaining)),
    pausedUntil: pauses.length ? new Date(Math.max(...pauses)) : null,
  };
}

/** Pure rule: given the failure times in the window (any order), how many are left and until when it pauses. */
export function attemptStatus(failures: readonly Date[], now: Date): AttemptStatus {
  const windowStart = now.getTime() - linkingPolicy.failureWindowMs;
  const recent = failures
    .map((at) => at.getTime())
    .filter((at) => at > windowStart && at <= now.getTime())
    .sort((a, b) => b - a);
  const remaining = Math.max(0, linkingPolicy.maxFailures - recent.length);
  if (remaining > 0) return { remaining, pausedUntil: null };
  const fifthNewest = recent[linkingPolicy.maxFailures - 1] as number;
  return { remaining, pausedUntil: new Date(fifthNewest + linkingPolicy.failureWindowMs) };
}
