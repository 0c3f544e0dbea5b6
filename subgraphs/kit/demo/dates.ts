import { today } from '../platform/clock';
import { addDays, birthdayAt, type IsoDate } from '../platform/dates';

/**
 * Dates of the demo data, laid out relative to the day the demo is loaded (the hub clock's today), so
 * that `npm start` and the tests show the same living picture on any date: a rental due back in 5 days
 * stays 5 days away, a child of two stays two. Every agency's demo data takes its dates from here (and
 * social protection adds working-day offsets with its production calendar, the only agency that has one).
 */

/** The date `days` calendar days after today (before it when negative). */
export function daysFromToday(days: number, from: IsoDate = today()): IsoDate {
  return addDays(from, days);
}

/**
 * The same day of the month `years` years away from `date` (earlier when negative); 29 February
 * becomes 28 February in a common year, as a term ending on a day the month lacks (Civil Code art. 192).
 */
export function addYears(date: IsoDate, years: number): IsoDate {
  return birthdayAt(date, years);
}

/**
 * A birth date that makes a person `age` full years old today, with the next birthday `daysToBirthday`
 * days ahead (1–365): ages, target categories (seed 003 §3) and terms tied to a birthday (a disabled
 * child's status until 18, early help until 3) then read the same on any day.
 */
export function birthDateFor(age: number, daysToBirthday: number, from: IsoDate = today()): IsoDate {
  if (!Number.isInteger(daysToBirthday) || daysToBirthday < 1 || daysToBirthday > 365) {
    throw new RangeError(`daysToBirthday must be 1–365, got ${daysToBirthday}`);
  }
  return addYears(addDays(from, daysToBirthday), -(age + 1));
}

/** The month (YYYY-MM) a date falls in, for period arguments such as statistics' fromMonth. */
export function monthOf(date: IsoDate): string {
  return date.slice(0, 7);
}
