import { badInput } from '../../kit/platform/errors';
import { IsoDate, assertIsoDate, dayOfWeek, isWeekend, yearOf } from './iso-date';
import type { CalendarDay } from './production-calendar';
import { assertComputableYear, statutoryHolidays, statutoryTransfers } from './statutory-calendar';

/**
 * What a government decree on days off says for one year (as decrees No. 1335 and No. 1466 do):
 * - `day_off`: a day off moved TO this weekday FROM a weekend day (`from`) — a weekend day that coincides
 *   with a January holiday, a holiday on a weekend (replacing the Labour Code's move to the next working
 *   day), or a plain Saturday/Sunday that the decree makes a working day;
 * - `working_day`: a Saturday or Sunday made a working day; its day off must be moved by a `day_off` line.
 */
export const DECREE_DAY_KINDS = ['day_off', 'working_day'] as const;
export type DecreeDayKind = (typeof DECREE_DAY_KINDS)[number];

export interface DecreeDay {
  date: IsoDate;
  /** Checked, since files and clients may send anything. */
  kind: string;
  /** The decree, e.g. "decree No. 1335 of 4 Oct 2024". */
  reference: string;
  /** For a day_off: the weekend day the day off is moved from. */
  from?: IsoDate | null;
}

export interface Decree {
  year: number;
  days: DecreeDay[];
}

/** Why a decree is refused, in `extensions.reason` next to the code BAD_USER_INPUT. */
export const DecreeError = {
  EMPTY: 'DECREE_EMPTY',
  UNKNOWN_KIND: 'DECREE_UNKNOWN_KIND',
  DATE_OUTSIDE_YEAR: 'DECREE_DATE_OUTSIDE_YEAR',
  DUPLICATE_DATE: 'DECREE_DUPLICATE_DATE',
  MISSING_REFERENCE: 'DECREE_MISSING_REFERENCE',
  NOT_A_WEEKEND: 'DECREE_NOT_A_WEEKEND',
  NOT_A_WORKING_DAY: 'DECREE_DAY_OFF_NOT_ON_A_WORKING_DAY',
  UNMATCHED_WORKING_DAY: 'DECREE_WORKING_DAY_WITHOUT_TRANSFER',
  UNMATCHED_TRANSFER: 'DECREE_TRANSFER_FROM_A_DAY_NOT_MADE_WORKING',
} as const;

const refuse = (reason: string, message: string, details: Record<string, unknown> = {}) => badInput(message, { reason, ...details });
const WEEKDAY = ['Sunday', 'Monday', 'Tuesday', 'Wednesday', 'Thursday', 'Friday', 'Saturday'];

/**
 * Checks a decree against the Labour Code and itself; throws a coded error for the first problem, so
 * that nothing of a bad decree is loaded. Returns the decree's days with their kinds narrowed.
 */
export function validateDecree(decree: Decree): (DecreeDay & { kind: DecreeDayKind })[] {
  const { year, days } = decree;
  assertComputableYear(year);
  if (days.length === 0) throw refuse(DecreeError.EMPTY, `The decree for ${year} lists no days`);
  const holidays = statutoryHolidays(year);
  const inYear = (date: IsoDate, what: string) => {
    assertIsoDate(date);
    if (yearOf(date) !== year) {
      throw refuse(DecreeError.DATE_OUTSIDE_YEAR, `${what} ${date} lies outside ${year}, the year of the decree`, { date });
    }
  };
  const seen = new Set<IsoDate>();
  const sources = new Set<IsoDate>();
  for (const day of days) {
    if (!(DECREE_DAY_KINDS as readonly string[]).includes(day.kind)) {
      throw refuse(
        DecreeError.UNKNOWN_KIND,
        `Unknown kind ${JSON.stringify(day.kind)} on ${day.date}; expected ${DECREE_DAY_KINDS.join(' or ')}`,
        { date: day.date },
      );
    }
    inYear(day.date, 'The day');
    if (seen.has(day.date)) throw refuse(DecreeError.DUPLICATE_DATE, `${day.date} is listed twice`, { date: day.date });
    seen.add(day.date);
    if (!day.reference?.trim()) throw refuse(DecreeError.MISSING_REFERENCE, `${day.date} needs the decree reference`, { date: day.date });
    if (day.kind === 'working_day' && (!isWeekend(day.date) || holidays.has(day.date))) {
      throw refuse(
        DecreeError.NOT_A_WEEKEND,
        `${day.date} is a ${WEEKDAY[dayOfWeek(day.date)]}${holidays.has(day.date) ? ' holiday' : ''}; only a plain Saturday or Sunday can be made a working day`,
        { date: day.date },
      );
    }
    if (day.kind === 'day_off') {
      if (!day.from)
        throw refuse(DecreeError.UNMATCHED_TRANSFER, `The day off on ${day.date} needs the day it is moved from`, { date: day.date });
      inYear(day.from, 'The day off moved from');
      if (!isWeekend(day.from)) {
        throw refuse(
          DecreeError.NOT_A_WEEKEND,
          `A day off is moved from a Saturday or Sunday; ${day.from} is a ${WEEKDAY[dayOfWeek(day.from)]}`,
          { date: day.from },
        );
      }
      if (sources.has(day.from)) throw refuse(DecreeError.DUPLICATE_DATE, `The day off of ${day.from} is moved twice`, { date: day.from });
      sources.add(day.from);
    }
  }
  const workingDays = new Set(days.filter((d) => d.kind === 'working_day').map((d) => d.date));
  for (const date of workingDays) {
    if (!sources.has(date)) {
      throw refuse(DecreeError.UNMATCHED_WORKING_DAY, `${date} is made a working day, but no day off is moved from it`, { date });
    }
  }
  for (const from of sources) {
    if (!holidays.has(from) && !workingDays.has(from)) {
      throw refuse(DecreeError.UNMATCHED_TRANSFER, `A day off is moved from ${from}, which is neither a holiday nor made a working day`, {
        date: from,
      });
    }
  }
  // A moved day off must land on a day that would otherwise be worked (not on a holiday, not on another move).
  const overridden = sources;
  const statutoryOff = new Set([
    ...holidays.keys(),
    ...statutoryTransfers(year)
      .filter((t) => !overridden.has(t.from))
      .map((t) => t.to),
  ]);
  for (const day of days) {
    if (day.kind === 'day_off' && (isWeekend(day.date) || statutoryOff.has(day.date))) {
      throw refuse(
        DecreeError.NOT_A_WORKING_DAY,
        `The day off moved from ${day.from} must land on a working day; ${day.date} is already off`,
        { date: day.date },
      );
    }
  }
  return days as (DecreeDay & { kind: DecreeDayKind })[];
}

/**
 * The decreed calendar of the year: the Labour Code's holidays and its own moves (art. 112), except the
 * moves the decree makes otherwise, plus the decree's moved days off and working weekend days.
 */
export function decreedCalendarDays(decree: Decree): CalendarDay[] {
  const days = validateDecree(decree);
  const { year } = decree;
  const overridden = new Set(days.filter((d) => d.kind === 'day_off').map((d) => d.from!));
  const result: CalendarDay[] = [];
  for (const [date, h] of statutoryHolidays(year)) {
    if (!isWeekend(date)) result.push({ date, kind: 'holiday', note: h.name });
  }
  for (const t of statutoryTransfers(year)) {
    if (!overridden.has(t.from)) {
      result.push({ date: t.to, kind: 'holiday', note: `Day off for the holiday on ${t.from}, a weekend day (Labour Code art. 112)` });
    }
  }
  for (const d of days) {
    result.push(
      d.kind === 'day_off'
        ? { date: d.date, kind: 'holiday', note: `Day off moved from ${d.from} (${d.reference.trim()})` }
        : { date: d.date, kind: 'working_weekend', note: `Weekend day worked; its day off is moved (${d.reference.trim()})` },
    );
  }
  return result.sort((a, b) => a.date.localeCompare(b.date));
}
