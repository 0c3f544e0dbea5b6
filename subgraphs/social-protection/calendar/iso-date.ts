import { badInput } from '../../kit/platform/errors';

/**
 * Plain calendar dates as 'YYYY-MM-DD' strings. Deadlines in the seeds are counted in whole days
 * at the place of service, so no time zone may shift a date; all arithmetic runs in UTC.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

/** Parses and checks a real calendar date (rejects 2025-02-30); returns UTC midnight in ms. */
export function toEpochDay(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw badInput(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const [y, mo, d] = [Number(m[1]), Number(m[2]), Number(m[3])];
  const ms = Date.UTC(y, mo - 1, d);
  const check = new Date(ms);
  if (check.getUTCFullYear() !== y || check.getUTCMonth() !== mo - 1 || check.getUTCDate() !== d) {
    throw badInput(`${date} is not a calendar date`);
  }
  return ms;
}

export function assertIsoDate(date: IsoDate): IsoDate {
  toEpochDay(date);
  return date;
}

const fromMs = (ms: number): IsoDate => new Date(ms).toISOString().slice(0, 10);

export function addDays(date: IsoDate, days: number): IsoDate {
  return fromMs(toEpochDay(date) + days * DAY_MS);
}

/** 0 = Sunday … 6 = Saturday, as Date.getUTCDay. */
export function dayOfWeek(date: IsoDate): number {
  return new Date(toEpochDay(date)).getUTCDay();
}

export const isWeekend = (date: IsoDate): boolean => {
  const d = dayOfWeek(date);
  return d === 0 || d === 6;
};

export const yearOf = (date: IsoDate): number => Number(assertIsoDate(date).slice(0, 4));

/** Negative when a is before b; valid ISO dates compare correctly as strings. */
export function compareDates(a: IsoDate, b: IsoDate): number {
  assertIsoDate(a);
  assertIsoDate(b);
  return a < b ? -1 : a > b ? 1 : 0;
}
