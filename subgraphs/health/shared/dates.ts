import { badInput } from '../../kit/errors';

/**
 * Calendar dates as 'YYYY-MM-DD' strings (the LocalDate scalar). Terms are counted in whole days,
 * so arithmetic runs in UTC and no time zone can shift a date.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function epochMs(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw badInput(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw badInput(`${date} is not a calendar date`);
  return ms;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(epochMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((epochMs(to) - epochMs(from)) / DAY_MS);
}
