import type { Text } from './text';

/** A customer's mistake is a value with a message, never an exception caught by its string. */
export type Result<T> = { readonly ok: true; readonly value: T } | { readonly ok: false; readonly error: Text };

export const ok = <T>(value: T): Result<T> => ({ ok: true, value });
export const fail = <T>(error: Text): Result<T> => ({ ok: false, error });
