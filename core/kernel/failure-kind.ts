import { PlatformError } from './platform-error';

/**
 * An error as logs and operators may see it: its class and its code (a PostgreSQL SQLSTATE, a
 * system errno, an HTTP status), not its message. Messages quote what failed: a database
 * driver's quotes the statement with its values, a mail server's the recipient.
 */
export function failureKind(error: unknown): string {
  if (!(error instanceof Error)) return typeof error;
  const { code, status, error_code: errorCode } = error as { code?: unknown; status?: unknown; error_code?: unknown };
  const detail = [code, status, errorCode].find((value) => typeof value === 'string' || typeof value === 'number');
  return detail === undefined ? error.name : `${error.name} ${String(detail)}`;
}

/**
 * A failure no retry changes: the database refused the update's own data (PostgreSQL's classes 22
 * "data exception" and 23 "integrity constraint violation", SQLite's constraint errors), or the
 * data broke the code (a RangeError, a SyntaxError), or a chat platform refused the reply itself
 * (400: its text, buttons or file are not what the platform takes). A store or a platform that is
 * away fails otherwise, and is waited for.
 */
export function failsEveryTime(error: unknown): boolean {
  if (error instanceof PlatformError && error.status === 400) return true;
  const code = (error as { code?: unknown } | null)?.code;
  if (typeof code === 'string' && (/^2[23][0-9A-Z]{3}$/.test(code) || /^SQLITE_(CONSTRAINT|TOOBIG|MISMATCH)/.test(code))) return true;
  return error instanceof RangeError || error instanceof SyntaxError;
}
