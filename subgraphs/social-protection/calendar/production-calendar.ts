import { badInput, ruleViolation } from '../../kit/errors';
import { IsoDate, addDays, assertIsoDate, compareDates, isWeekend, yearOf } from './iso-date';

/**
 * One day that departs from the plain Monday–Friday week: a holiday or transferred day off on a
 * weekday, or a Saturday/Sunday made a working day by a government transfer decree.
 * Kept as data so an administrator can load next year's decree each autumn and a region can add
 * its own holidays (DOMAIN.md, "Deadlines are in working days").
 */
export interface CalendarDay {
  date: string /* YYYY-MM-DD */;
  kind: 'holiday' | 'working_weekend';
  note: string;
}

/** Rule id carried by errors when a computation leaves the years the calendar knows. */
export const PRODUCTION_CALENDAR_RULE = 'production-calendar';

/**
 * The production calendar: which days are working days, and working-day arithmetic for the
 * deadlines of seed 003 §16 and seed 004 §3.2.3, §3.2.7, §3.2.8.
 *
 * Outside the covered years it refuses to answer rather than fall back to plain Mon–Fri: a deadline
 * that silently ignores the New Year holidays would mark a coordinator overdue when they are not.
 */
export class ProductionCalendar {
  private readonly days = new Map<IsoDate, CalendarDay>();
  private readonly years: Set<number>;

  /**
   * @param days  the exceptions to the Mon–Fri rule
   * @param years the years the data is complete for; by default every year that has an entry
   *              (a real year always has 1 January), pass it explicitly when loading partial data.
   */
  constructor(days: CalendarDay[], years?: number[]) {
    for (const day of days) {
      assertIsoDate(day.date);
      if (day.kind !== 'holiday' && day.kind !== 'working_weekend') {
        throw badInput(`Unknown calendar day kind ${JSON.stringify(day.kind)} on ${day.date}`);
      }
      if (day.kind === 'working_weekend' && !isWeekend(day.date)) {
        throw badInput(`${day.date} is a weekday; only a Saturday or Sunday can be made a working weekend`);
      }
      const existing = this.days.get(day.date);
      if (existing && existing.kind !== day.kind) {
        throw badInput(`${day.date} is listed both as a holiday and as a working weekend`);
      }
      this.days.set(day.date, day);
    }
    this.years = new Set(years ?? days.map((d) => yearOf(d.date)));
    for (const date of this.days.keys()) {
      if (!this.years.has(yearOf(date))) {
        throw badInput(`${date} lies outside the declared calendar years ${[...this.years].join(', ')}`);
      }
    }
  }

  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  /** The recorded exception for a date, if any (for showing why a day is off). */
  dayInfo(date: IsoDate): CalendarDay | undefined {
    return this.days.get(assertIsoDate(date));
  }

  isWorkingDay(date: IsoDate): boolean {
    this.assertCovered(date);
    const exception = this.days.get(date);
    if (exception) return exception.kind === 'working_weekend';
    return !isWeekend(date);
  }

  /**
   * The date n working days after `from`. Counting starts on the next working day after the event
   * (DOMAIN.md: "within N working days after" an event starts on the next working day), so
   * addWorkingDays(d, 1) is the first working day after d whatever d itself is, and n = 0 returns `from`.
   */
  addWorkingDays(from: IsoDate, n: number): IsoDate {
    assertIsoDate(from);
    if (!Number.isInteger(n) || n < 0) {
      throw badInput(`Working days to add must be a whole number ≥ 0, got ${n}`);
    }
    let date = from;
    let left = n;
    while (left > 0) {
      date = addDays(date, 1);
      if (this.isWorkingDay(date)) left--;
    }
    return date;
  }

  /**
   * Working days after `from` up to and including `to` — the inverse of addWorkingDays, so
   * workingDaysBetween(d, addWorkingDays(d, n)) === n.
   * 0 when to === from (or when no working day lies in between); when `to` is before `from` the
   * result is the negative count of working days after `to` up to and including `from`.
   */
  workingDaysBetween(from: IsoDate, to: IsoDate): number {
    const order = compareDates(from, to);
    if (order === 0) return 0;
    if (order > 0) return -this.workingDaysBetween(to, from);
    let count = 0;
    for (let date = addDays(from, 1); date <= to; date = addDays(date, 1)) {
      if (this.isWorkingDay(date)) count++;
    }
    return count;
  }

  /** Number of working days in a whole covered year (the published yearly total). */
  workingDaysInYear(year: number): number {
    return this.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
  }

  private assertCovered(date: IsoDate): void {
    const year = yearOf(date);
    if (!this.years.has(year)) {
      throw ruleViolation(
        `The production calendar has no data for ${year} (covered: ${this.coveredYears().join(', ') || 'none'}); ` +
          'load the government decree on days off for that year before computing deadlines in it',
        PRODUCTION_CALENDAR_RULE,
        { year, coveredYears: this.coveredYears() },
      );
    }
  }
}
