/** The desk's guard against guessing passwords; the counts are shared by every instance (the database). */
export const signInGuard = {
  windowMs: 15 * 60_000,
  /** Failures from one address, whatever the logins: that address is paused. */
  perAddress: 20,
  /** Failures from one address at one login: that address is paused for that login. */
  perAddressAndLogin: 5,
  /** Failures at one login from anywhere slow its every check down, up to a ceiling: nobody is locked out. */
  slowdownPerFailureMs: 100,
  maxSlowdownMs: 2_000,
} as const;

export interface SignInFailures {
  readonly fromAddress: number;
  readonly fromAddressAtLogin: number;
  readonly atLogin: number;
}

/**
 * A stranger's failures pause only the stranger: the address that guessed. Failures at a login
 * from many addresses (a spread-out guess) only slow that login down, so its operator, from an
 * address of their own, still signs in.
 */
export function signInVerdict(failures: SignInFailures): { readonly paused: true } | { readonly slowdownMs: number } {
  if (failures.fromAddress >= signInGuard.perAddress || failures.fromAddressAtLogin >= signInGuard.perAddressAndLogin) return { paused: true };
  return { slowdownMs: Math.min(failures.atLogin * signInGuard.slowdownPerFailureMs, signInGuard.maxSlowdownMs) };
}
