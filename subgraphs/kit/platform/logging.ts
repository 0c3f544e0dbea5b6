/**
 * Structured logs: one JSON object per line, so a log shipper can index them without parsing prose.
 * Personal data never goes into a log line: operation names, ids of requests, timings and codes only.
 */
export type LogLevel = 'debug' | 'info' | 'warn' | 'error';

export interface Logger {
  log(level: LogLevel, message: string, fields?: Record<string, unknown>): void;
  child(fields: Record<string, unknown>): Logger;
}

const LEVELS: Record<LogLevel, number> = { debug: 10, info: 20, warn: 30, error: 40 };

export function createLogger(
  base: Record<string, unknown>,
  minLevel: LogLevel = (process.env.HUB_LOG_LEVEL as LogLevel) || 'info',
  write: (line: string) => void = (line) => process.stdout.write(line + '\n'),
): Logger {
  return {
    log(level, message, fields = {}) {
      if (minLevel === ('silent' as LogLevel) || LEVELS[level] < LEVELS[minLevel]) return;
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }, withoutErrorText));
    },
    child(fields) {
      return createLogger({ ...base, ...fields }, minLevel, write);
    },
  };
}

/**
 * An Error handed to the logger is written as its class and code only. A driver error's message holds the failing
 * SQL with its parameters, and its own properties (`detail`: "Key (snils)=(…)") hold the values themselves.
 */
function withoutErrorText(_key: string, value: unknown): unknown {
  if (!(value instanceof Error)) return value;
  const code = (value as { code?: unknown }).code;
  return { errorClass: value.name, ...(typeof code === 'string' ? { code } : {}) };
}
