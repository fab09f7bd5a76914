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

export function errorFields(error: unknown): Record<string, unknown> {
  return error instanceof Error ? { error: error.message, stack: error.stack } : { error: String(error) };
}
