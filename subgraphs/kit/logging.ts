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
      write(JSON.stringify({ time: new Date().toISOString(), level, message, ...base, ...fields }));
    },
    child(fields) {
      return createLogger({ ...base, ...fields }, minLevel, write);
    },
  };
}
