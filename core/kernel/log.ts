import { failureKind } from './failure-kind';

type Level = 'debug' | 'info' | 'warn' | 'error';
const order: Record<Level, number> = { debug: 0, info: 1, warn: 2, error: 3 };

export type Log = Record<Level, (message: string, fields?: Record<string, unknown>) => void>;

/** One JSON line per event. Callers pass masked values: account numbers and e-mails never go here whole. */
export function createLog(minimum: Level, write: (line: string) => void = (line) => process.stdout.write(line + '\n')): Log {
  const at =
    (level: Level) =>
    (message: string, fields: Record<string, unknown> = {}) => {
      if (order[level] < order[minimum]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...fields }));
    };
  return { debug: at('debug'), info: at('info'), warn: at('warn'), error: at('error') };
}

/**
 * What a log line says of an error: its kind and code, and where it was thrown. Not its message:
 * a database driver's quotes the statement with the customer's values, a mail server's the
 * address, a platform's the text it refused (see `failureKind`).
 */
export function errorFields(error: unknown): Record<string, unknown> {
  const frames = error instanceof Error ? error.stack?.split('\n').filter((line) => /^\s+at /.test(line)) : undefined;
  return { error: failureKind(error), ...(frames && { stack: frames.join('\n') }) };
}
