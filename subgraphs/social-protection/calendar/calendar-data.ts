import { badInput, ruleViolation } from '../../kit/errors';
import { IsoDate, addDays, yearOf } from './iso-date';
import { CalendarDay as PureCalendarDay, PRODUCTION_CALENDAR_RULE, ProductionCalendar } from './production-calendar';

/** A stored calendar row as the pure rules see it. */
export interface CalendarRow extends PureCalendarDay {
  region: string | null;
}

/** A regional row applies to territories whose OKTMO starts with the row's region prefix. */
const appliesTo = (row: CalendarRow, oktmo: string | null): boolean =>
  row.region === null || (oktmo !== null && oktmo.startsWith(row.region));

/**
 * The calendar for one territory: the federal days plus that territory's regional holidays.
 * Covered years are the years the FEDERAL data has: a regional holiday alone does not make a year known,
 * because the year's federal transfers would still be missing (DOMAIN.md: a new year is loaded each autumn).
 */
export function calendarForTerritory(rows: CalendarRow[], oktmo: string | null): ProductionCalendar {
  const years = [...new Set(rows.filter((r) => r.region === null).map((r) => yearOf(r.date)))];
  const covered = new Set(years);
  return new ProductionCalendar(
    rows.filter((r) => appliesTo(r, oktmo) && covered.has(yearOf(r.date))),
    years,
  );
}

/**
 * Checks days an administrator adds against what is stored: every row must keep each territory's calendar
 * consistent (a working weekend must be a Saturday or Sunday; a day cannot be both), and a regional holiday
 * needs the federal calendar of its year first. Returns the rows to upsert.
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
  }
  const merged = new Map(existing.map((r) => [r.date, r]));
  for (const row of added) merged.set(row.date, row);
  const rows = [...merged.values()];
  const federalYears = new Set(rows.filter((r) => r.region === null).map((r) => yearOf(r.date)));
  for (const row of added) {
    if (row.region !== null && !federalYears.has(yearOf(row.date))) {
      throw ruleViolation(
        `Load the federal calendar for ${yearOf(row.date)} before adding regional holidays in it`,
        PRODUCTION_CALENDAR_RULE,
        { date: row.date },
      );
    }
  }
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
