import { ruleViolation } from '../../kit/platform/errors';
import { IsoDate, addDays, isWeekend } from './iso-date';
import type { CalendarDay } from './production-calendar';

/**
 * The production calendar the Labour Code alone gives for any year, before the government's decree on
 * days off is loaded (DOMAIN.md, "Deadlines are in working days"). Everything here is provisional: the
 * decree of each year moves some days off elsewhere (decree-rules.ts applies it).
 */

/** Rule id carried by errors about calendar years. */
export const PRODUCTION_CALENDAR_RULE = 'production-calendar';

/**
 * The first year the present art. 112 applies to: Federal Law No. 35-FZ of 23 Apr 2012 set the January
 * holidays to 1–6 and 8 January and stopped weekend days that coincide with them from moving on their own.
 * Earlier years followed other rules, which the hub does not compute.
 */
export const FIRST_STATUTORY_YEAR = 2013;
/** Dates are YYYY-MM-DD, so no later year can be written. */
export const LAST_STATUTORY_YEAR = 9999;

interface StatutoryHoliday {
  month: number;
  day: number;
  name: string;
  /** The January holidays: a weekend day that falls on them moves only by decree (art. 112 part 2). */
  january: boolean;
}

const NEW_YEAR = 'New Year holidays (Labour Code art. 112)';
/** The non-working holidays of Labour Code art. 112 part 1. */
export const LABOUR_CODE_HOLIDAYS: readonly StatutoryHoliday[] = [
  ...[1, 2, 3, 4, 5, 6, 8].map((day) => ({ month: 1, day, name: NEW_YEAR, january: true })),
  { month: 1, day: 7, name: 'Christmas (Labour Code art. 112)', january: true },
  { month: 2, day: 23, name: 'Defender of the Fatherland Day (Labour Code art. 112)', january: false },
  { month: 3, day: 8, name: 'International Women’s Day (Labour Code art. 112)', january: false },
  { month: 5, day: 1, name: 'Spring and Labour Day (Labour Code art. 112)', january: false },
  { month: 5, day: 9, name: 'Victory Day (Labour Code art. 112)', january: false },
  { month: 6, day: 12, name: 'Russia Day (Labour Code art. 112)', january: false },
  { month: 11, day: 4, name: 'National Unity Day (Labour Code art. 112)', january: false },
];

const pad = (n: number) => String(n).padStart(2, '0');
const dateOf = (year: number, h: StatutoryHoliday): IsoDate => `${String(year).padStart(4, '0')}-${pad(h.month)}-${pad(h.day)}`;

/** Throws a coded error naming the year when the hub cannot compute its calendar. */
export function assertComputableYear(year: number): void {
  if (!Number.isInteger(year) || year < FIRST_STATUTORY_YEAR || year > LAST_STATUTORY_YEAR) {
    throw ruleViolation(
      `The hub cannot compute the production calendar for ${year}: Labour Code art. 112 in its present wording ` +
        `applies from ${FIRST_STATUTORY_YEAR}; load that year's days with its decree`,
      PRODUCTION_CALENDAR_RULE,
      { year },
    );
  }
}

/** The art. 112 holidays of a year, by date. */
export function statutoryHolidays(year: number): Map<IsoDate, StatutoryHoliday> {
  assertComputableYear(year);
  return new Map(LABOUR_CODE_HOLIDAYS.map((h) => [dateOf(year, h), h]));
}

/** True when the date is one of the art. 112 holidays (whatever weekday it falls on). */
export function isStatutoryHoliday(date: IsoDate): boolean {
  const [, m, d] = date.split('-').map(Number);
  return LABOUR_CODE_HOLIDAYS.some((h) => h.month === m && h.day === d);
}

export interface StatutoryTransfer {
  /** The holiday that fell on a Saturday or Sunday. */
  from: IsoDate;
  /** The working day the day off moves to. */
  to: IsoDate;
}

/**
 * Art. 112 part 2: a holiday that falls on a weekend moves the day off to the next working day after the
 * holiday — except the January holidays, whose coinciding weekend days only a decree moves. Holidays are
 * taken in date order, so two moved days off never land on the same day.
 */
export function statutoryTransfers(year: number): StatutoryTransfer[] {
  const holidays = statutoryHolidays(year);
  const taken = new Set<IsoDate>();
  const transfers: StatutoryTransfer[] = [];
  for (const [date, h] of holidays) {
    if (h.january || !isWeekend(date)) continue;
    let to = addDays(date, 1);
    while (isWeekend(to) || holidays.has(to) || taken.has(to)) to = addDays(to, 1);
    taken.add(to);
    transfers.push({ from: date, to });
  }
  return transfers;
}

/**
 * The year's departures from the Mon–Fri week by the Labour Code alone: the holidays that fall on weekdays
 * and the days off moved from holidays on weekends. Weekend holidays change nothing by themselves.
 */
export function statutoryCalendarDays(year: number): CalendarDay[] {
  const days: CalendarDay[] = [];
  for (const [date, h] of statutoryHolidays(year)) {
    if (!isWeekend(date)) days.push({ date, kind: 'holiday', note: h.name });
  }
  for (const t of statutoryTransfers(year)) {
    days.push({ date: t.to, kind: 'holiday', note: `Day off moved from ${t.from}, a holiday on a weekend (Labour Code art. 112)` });
  }
  return days.sort((a, b) => a.date.localeCompare(b.date));
}

/**
 * Labour Code art. 95: the working day immediately before a non-working holiday is one hour shorter.
 * It stays a working day for deadlines; only the hours change.
 */
export function isShortenedDay(date: IsoDate, isWorkingDay: (date: IsoDate) => boolean): boolean {
  return isWorkingDay(date) && isStatutoryHoliday(addDays(date, 1));
}
