import { badInput } from '../../kit/platform/errors';

/**
 * Calendar-date helpers for the rental rules. Contracts, issues and returns of the rental point are
 * dated by the day ("с ___ по ___", seed 004 annex 1 contract §5.1), so rules work on ISO
 * 'YYYY-MM-DD' strings with no time of day and no time zone. Arithmetic goes through UTC midnight
 * so daylight-saving shifts of the server can never move a date.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses a real calendar date (2025-02-30 is refused), returning UTC-midnight milliseconds. */
export function parseIsoDate(value: unknown, field: string): number {
  const m = typeof value === 'string' ? ISO_DATE.exec(value) : null;
  if (m) {
    const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
    const ms = Date.UTC(y, mo - 1, d);
    const back = new Date(ms);
    if (back.getUTCFullYear() === y && back.getUTCMonth() === mo - 1 && back.getUTCDate() === d) return ms;
  }
  throw badInput(`${field} must be a calendar date as YYYY-MM-DD`, { field, value });
}

export function formatIsoDate(ms: number): IsoDate {
  return new Date(ms).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate, fromField = 'from', toField = 'to'): number {
  return Math.round((parseIsoDate(to, toField) - parseIsoDate(from, fromField)) / DAY_MS);
}

export function addDays(date: IsoDate, days: number, field = 'date'): IsoDate {
  return formatIsoDate(parseIsoDate(date, field) + days * DAY_MS);
}

/**
 * Adds calendar months; when the target month is shorter the result is its last day
 * (31 Aug + 6 months = 28 Feb), as the Civil Code (art. 192 §3) ends such terms.
 */
export function addMonths(date: IsoDate, months: number, field = 'date'): IsoDate {
  const d = new Date(parseIsoDate(date, field));
  const y = d.getUTCFullYear();
  const m = d.getUTCMonth() + months;
  const lastDay = new Date(Date.UTC(y, m + 1, 0)).getUTCDate();
  return formatIsoDate(Date.UTC(y, m, Math.min(d.getUTCDate(), lastDay)));
}

/**
 * The last day of a period that starts on `start` (counted as its first day) and lasts at most
 * `months` months: the day before the same date `months` later. 2025-03-10 + 12 months → 2026-03-09.
 */
export function lastDayOfPeriod(start: IsoDate, months: number, field = 'date'): IsoDate {
  return addDays(addMonths(start, months, field), -1);
}

export function assertNonNegativeInteger(value: unknown, field: string): number {
  if (typeof value !== 'number' || !Number.isSafeInteger(value) || value < 0) {
    throw badInput(`${field} must be a non-negative whole number`, { field, value });
  }
  return value;
}
