import { badInput } from '../../kit/platform/errors';
import { IsoDate, addDays, assertIsoDate, compareDates, isWeekend, yearOf } from './iso-date';
import { PRODUCTION_CALENDAR_RULE, assertComputableYear, isShortenedDay, statutoryCalendarDays } from './statutory-calendar';

export { PRODUCTION_CALENDAR_RULE };

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

/**
 * The production calendar: which days are working days, and working-day arithmetic for the
 * deadlines of seed 003 §16 and seed 004 §3.2.3, §3.2.7, §3.2.8.
 *
 * Years whose government decree is loaded are "decreed": their days are the given data. Every other year
 * is computed from the Labour Code (statutory-calendar.ts) and is PROVISIONAL: a deadline counted over it
 * may still move when the decree comes, so it is marked, not refused — refusing stopped every deadline
 * that crossed into a year without a decree (issue 18). Days given for a provisional year (a region's
 * own holidays) apply on top of the computed ones.
 */
export class ProductionCalendar {
  private readonly days = new Map<IsoDate, CalendarDay>();
  private readonly years: Set<number>;
  private readonly statutory = new Map<number, Map<IsoDate, CalendarDay>>();

  /**
   * @param days  the exceptions to the Mon–Fri rule: a decreed year's days, and regional days of any year
   * @param years the decreed years; by default every year that has an entry (a real year always has
   *              1 January). Pass it explicitly when `days` holds regional days of provisional years.
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
  }

  /** The years whose decree is loaded (the rest are computed and provisional). */
  coveredYears(): number[] {
    return [...this.years].sort((a, b) => a - b);
  }

  isDecreed(year: number): boolean {
    return this.years.has(year);
  }

  /** True when the date's year has no decree loaded: its days come from the Labour Code alone. */
  isProvisional(date: IsoDate): boolean {
    return !this.years.has(yearOf(date));
  }

  /**
   * True when counting from `from` to `to` (either order) passes through a provisional year: a deadline
   * counted that way may move when that year's decree is loaded.
   */
  isProvisionalBetween(from: IsoDate, to: IsoDate): boolean {
    const [a, b] = [yearOf(from), yearOf(to)].sort((x, y) => x - y);
    for (let year = a; year <= b; year++) if (!this.years.has(year)) return true;
    return false;
  }

  /** The exception for a date, if any: the decreed or regional day, or the computed one in a provisional year. */
  dayInfo(date: IsoDate): CalendarDay | undefined {
    // Keys of `days` are checked dates; any other date is checked by yearOf (once: this runs for every day counted).
    const given = this.days.get(date);
    if (given) return given;
    const year = yearOf(date);
    return this.years.has(year) ? undefined : this.statutoryDays(year).get(date);
  }

  isWorkingDay(date: IsoDate): boolean {
    const exception = this.dayInfo(date);
    if (exception) return exception.kind === 'working_weekend';
    return !isWeekend(date);
  }

  /** A working day one hour shorter, before a holiday (Labour Code art. 95). */
  isShortenedDay(date: IsoDate): boolean {
    return isShortenedDay(date, (d) => this.isWorkingDay(d));
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
   * A deadline n working days after `from`, marked provisional when a day counted lies in a year without
   * a decree: the coordinator sees the date with a quiet mark instead of an error (issue 18).
   */
  workingDayDeadline(from: IsoDate, n: number): { dueDate: IsoDate; provisional: boolean } {
    const dueDate = this.addWorkingDays(from, n);
    return { dueDate, provisional: dueDate > from && this.isProvisionalBetween(addDays(from, 1), dueDate) };
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

  /** Number of working days in a whole year (the published yearly total). */
  workingDaysInYear(year: number): number {
    return this.workingDaysBetween(`${year - 1}-12-31`, `${year}-12-31`);
  }

  private statutoryDays(year: number): Map<IsoDate, CalendarDay> {
    let days = this.statutory.get(year);
    if (!days) {
      assertComputableYear(year);
      days = new Map(statutoryCalendarDays(year).map((d) => [d.date, d]));
      this.statutory.set(year, days);
    }
    return days;
  }
}
