/**
 * The hub's one clock. Every rule that depends on "today" (deadlines in working days, overdue
 * rentals, ages, "not in the future" checks) asks this module, never `new Date()`: a region works
 * on its local date (the Irkutsk region is UTC+8, so at 23:30 UTC it is already the next day
 * there), and tests and demos must be able to say which day it is.
 *
 * Configuration, read once per process and shared by the gateway and every subgraph:
 * - `HUB_TIME_ZONE` — the region's IANA time zone (default Asia/Irkutsk);
 * - `HUB_CLOCK` — a fixed instant (ISO 8601, e.g. `2026-12-31T10:00:00+08:00`) or a local date
 *   (`2026-12-31`, taken as noon in the region) that the whole hub treats as "now". For demos
 *   and tests only; unset in production, where the machine's time is used.
 */

/** The time zone of the Irkutsk region, where the model "From birth through all life" runs (seed 003). */
export const DEFAULT_TIME_ZONE = 'Asia/Irkutsk';

const LOCAL_DATE = /^\d{4}-\d{2}-\d{2}$/;

export class ClockConfigurationError extends Error {
  readonly code = 'CLOCK_CONFIGURATION';
}

function assertTimeZone(timeZone: string): string {
  try {
    new Intl.DateTimeFormat('en-CA', { timeZone });
  } catch {
    throw new ClockConfigurationError(`HUB_TIME_ZONE "${timeZone}" is not an IANA time zone (for example ${DEFAULT_TIME_ZONE})`);
  }
  return timeZone;
}

const formatters = new Map<string, Intl.DateTimeFormat>();
function formatterFor(timeZone: string): Intl.DateTimeFormat {
  let formatter = formatters.get(timeZone);
  if (!formatter) {
    formatter = new Intl.DateTimeFormat('en-CA', { timeZone: assertTimeZone(timeZone), year: 'numeric', month: '2-digit', day: '2-digit' });
    formatters.set(timeZone, formatter);
  }
  return formatter;
}

/** The calendar date (YYYY-MM-DD) that `instant` falls on in `timeZone`. */
export function localDateOf(instant: Date, timeZone: string): string {
  const parts = formatterFor(timeZone).formatToParts(instant);
  const get = (type: string) => parts.find((p) => p.type === type)!.value;
  return `${get('year')}-${get('month')}-${get('day')}`;
}

/** Minutes east of UTC of `timeZone` at `instant` (Asia/Irkutsk: 480). */
function offsetMinutes(instant: Date, timeZone: string): number {
  const parts = new Intl.DateTimeFormat('en-US', {
    timeZone,
    hourCycle: 'h23',
    year: 'numeric',
    month: 'numeric',
    day: 'numeric',
    hour: 'numeric',
    minute: 'numeric',
    second: 'numeric',
  }).formatToParts(instant);
  const n = (type: string) => Number(parts.find((p) => p.type === type)!.value);
  const asUtc = Date.UTC(n('year'), n('month') - 1, n('day'), n('hour'), n('minute'), n('second'));
  return Math.round((asUtc - Math.floor(instant.getTime() / 1000) * 1000) / 60_000);
}

/**
 * Parses a clock setting: an ISO instant with an offset or Z, or a bare local date taken as noon
 * in the region (so that "2027-04-15" means that day there, whatever the offset).
 */
export function parseClockSetting(value: string, timeZone: string): Date {
  if (LOCAL_DATE.test(value)) {
    const noonUtc = new Date(`${value}T12:00:00Z`);
    if (Number.isNaN(noonUtc.getTime()) || noonUtc.toISOString().slice(0, 10) !== value) {
      throw new ClockConfigurationError(`HUB_CLOCK "${value}" is not a calendar date`);
    }
    return new Date(noonUtc.getTime() - offsetMinutes(noonUtc, timeZone) * 60_000);
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d+)?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) {
    throw new ClockConfigurationError(`HUB_CLOCK "${value}" is neither a date (YYYY-MM-DD) nor an ISO instant with an offset`);
  }
  const instant = new Date(value);
  if (Number.isNaN(instant.getTime())) throw new ClockConfigurationError(`HUB_CLOCK "${value}" is not a valid instant`);
  return instant;
}

interface ClockState {
  timeZone: string;
  /** A fixed "now", or null for the machine's time. */
  fixed: Date | null;
}

function fromEnvironment(env: NodeJS.ProcessEnv = process.env): ClockState {
  const timeZone = assertTimeZone(env.HUB_TIME_ZONE || DEFAULT_TIME_ZONE);
  return { timeZone, fixed: env.HUB_CLOCK ? parseClockSetting(env.HUB_CLOCK, timeZone) : null };
}

let state: ClockState = fromEnvironment();

/** The current instant: the fixed one when the clock is set, otherwise the machine's. */
export function now(): Date {
  return state.fixed ? new Date(state.fixed.getTime()) : new Date();
}

/** Today's date in the region (YYYY-MM-DD): what every rule means by "today". */
export function today(): string {
  return localDateOf(now(), state.timeZone);
}

export function regionTimeZone(): string {
  return state.timeZone;
}

/**
 * Sets the clock of this process: tests that start the hub in-process, and `npm start`, which
 * passes HUB_CLOCK on. `at` is an instant or a clock setting string; null returns to the machine's time.
 */
export function setClock(options: { at?: Date | string | null; timeZone?: string }): void {
  const timeZone = assertTimeZone(options.timeZone ?? state.timeZone);
  const at = options.at === undefined ? state.fixed : options.at;
  state = { timeZone, fixed: at === null ? null : typeof at === 'string' ? parseClockSetting(at, timeZone) : new Date(at.getTime()) };
}

/** Back to what the environment says (HUB_TIME_ZONE, HUB_CLOCK). */
export function resetClock(env: NodeJS.ProcessEnv = process.env): void {
  state = fromEnvironment(env);
}

/** The environment a child process needs to run on this process's clock. */
export function clockEnvironment(): Record<string, string> {
  return { HUB_TIME_ZONE: state.timeZone, ...(state.fixed ? { HUB_CLOCK: state.fixed.toISOString() } : {}) };
}
