import type { SignInFailures } from './sign-in-guard';

/** An operator of the desk, as signing in and the desk's pages see them. */
export interface DeskOperator {
  readonly id: number;
  readonly login: string;
  readonly passwordHash: string;
  readonly mustChangePassword: boolean;
}

/** A signed-in session of the desk: whose it is, and the CSRF token its forms carry. */
export interface DeskSession {
  readonly operator: DeskOperator;
  readonly csrf: string;
}

/** The desk's operators and their signed-in sessions; shared by every instance. */
export interface DeskOperators {
  /**
   * Adds the operator, or gives an existing one a new password. Every session of theirs ends but
   * `keep` (the operator's own, changing the password): whoever else held the desk holds it no more.
   */
  setPassword(login: string, passwordHash: string, mustChangePassword: boolean, at: Date, keep?: string): Promise<void>;
  /** A failed sign-in at `login` from `address` (see `signInGuard`). */
  recordFailure(login: string, address: string, at: Date): Promise<void>;
  /** Failures since `since`: from the address, from the address at the login, and at the login from anywhere. */
  failures(login: string, address: string, since: Date): Promise<SignInFailures>;
  find(login: string): Promise<DeskOperator | null>;
  /** Opens a session behind `token` (kept hashed) until `expiresAt`. */
  openSession(operatorId: number, token: string, csrf: string, expiresAt: Date): Promise<void>;
  /** The session behind `token`, while it lasts. */
  session(token: string, now: Date): Promise<DeskSession | null>;
  closeSession(token: string): Promise<void>;
}
