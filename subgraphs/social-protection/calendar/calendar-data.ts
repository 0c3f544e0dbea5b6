import { badInput, ruleViolation } from '../../kit/platform/errors';
import { IsoDate, addDays, yearOf } from './iso-date';
import { CalendarDay as PureCalendarDay, PRODUCTION_CALENDAR_RULE, ProductionCalendar } from './production-calendar';
import { assertComputableYear } from './statutory-calendar';

/** A stored calendar row as the pure rules see it. */
export interface CalendarRow extends PureCalendarDay {
  region: string | null;
}

/** A regional row applies to territories whose OKTMO starts with the row's region prefix. */
const appliesTo = (row: CalendarRow, oktmo: string | null): boolean =>
  row.region === null || (oktmo !== null && oktmo.startsWith(row.region));

/**
 * The calendar for one territory: the federal days plus that territory's regional holidays.
 * The decreed years are the years the FEDERAL data has: a regional holiday alone does not make a year
 * decreed, because the year's federal transfers would still be missing; such a year is computed from the
 * Labour Code (provisional) with the regional holiday on top (DOMAIN.md: a new year is loaded each autumn).
 */
export function calendarForTerritory(rows: CalendarRow[], oktmo: string | null): ProductionCalendar {
  const years = [...new Set(rows.filter((r) => r.region === null).map((r) => yearOf(r.date)))];
  return new ProductionCalendar(
    rows.filter((r) => appliesTo(r, oktmo)),
    years,
  );
}

/**
 * Checks days an administrator adds against what is stored: every row must keep each territory's calendar
 * consistent (a working weekend must be a Saturday or Sunday; a day cannot be both). A federal day may only
 * correct a decreed year: a new year comes whole with its decree (loadCalendarDecree), since a single
 * federal day would make the year count as decreed with its other transfers missing. Regional holidays may
 * be added to any year the hub can compute, provisional ones too. Returns the rows to upsert.
 */
export function validateCalendarAddition(existing: CalendarRow[], added: CalendarRow[]): CalendarRow[] {
  if (added.length === 0) throw badInput('Give at least one calendar day');
  const seen = new Set<string>();
  for (const row of added) {
    if (seen.has(row.date)) throw badInput(`${row.date} is listed twice`);
    seen.add(row.date);
    if (row.region !== null && !/^\d{2,11}$/.test(row.region)) {
      throw badInput(`Region must be an OKTMO prefix of 2–11 digits, got ${JSON.stringify(row.region)}`);
    }
    if (!row.note.trim()) throw badInput(`${row.date} needs a note naming the law or decree`);
    assertComputableYear(yearOf(row.date));
  }
  const decreed = new Set(existing.filter((r) => r.region === null).map((r) => yearOf(r.date)));
  for (const row of added) {
    if (row.region === null && !decreed.has(yearOf(row.date))) {
      throw ruleViolation(
        `${yearOf(row.date)} has no decree loaded yet: load the year's decree (loadCalendarDecree, npm run calendar -- load) instead of single federal days`,
        PRODUCTION_CALENDAR_RULE,
        { date: row.date, year: yearOf(row.date) },
      );
    }
  }
  const merged = new Map(existing.map((r) => [r.date, r]));
  for (const row of added) merged.set(row.date, row);
  const rows = [...merged.values()];
  // Building every affected calendar runs the pure checks (weekday "working weekend", unknown kind…).
  calendarForTerritory(rows, null);
  for (const region of new Set(rows.map((r) => r.region).filter((r): r is string => r !== null))) {
    calendarForTerritory(rows, region);
  }
  return added;
}

/** The working day n working days before `to` (the inverse of addWorkingDays), for demo data and reports. */
export function subtractWorkingDays(calendar: ProductionCalendar, to: IsoDate, n: number): IsoDate {
  let date = to;
  let left = n;
  while (left > 0) {
    if (calendar.isWorkingDay(date)) left--;
    date = addDays(date, -1);
  }
  // Skipping back over days off keeps the result a working day (a demo signal is not "received" on a Sunday);
  // the n working days walked over still lie in (date, to], so addWorkingDays(date, n) === to when `to` is a working day.
  while (n > 0 && !calendar.isWorkingDay(date)) date = addDays(date, -1);
  return date;
}
