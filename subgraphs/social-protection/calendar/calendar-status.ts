import { yearOf, type IsoDate } from './iso-date';

export interface CalendarYearStatus {
  year: number;
  decreed: boolean;
}

export interface CalendarAlert {
  code: 'CALENDAR_PROVISIONAL';
  year: number;
  message: string;
}

/**
 * The decree for the next year is usually published in September–October (DOMAIN.md): from 1 September the
 * administrator is told when next year is still provisional. The current year without a decree is told always.
 */
export const NEXT_YEAR_ALERT_FROM = '09-01';

/** The calendar's standing for this year and the next, and what the administrator must do about it. */
export function calendarStatus(decreedYears: number[], today: IsoDate): { years: CalendarYearStatus[]; alerts: CalendarAlert[] } {
  const decreed = new Set(decreedYears);
  const current = yearOf(today);
  const years = [current, current + 1].map((year) => ({ year, decreed: decreed.has(year) }));
  const alerts: CalendarAlert[] = [];
  const [thisYear, nextYear] = years;
  if (!thisYear.decreed) {
    alerts.push({
      code: 'CALENDAR_PROVISIONAL',
      year: current,
      message: `The production calendar for ${current} is provisional (Labour Code only): load the government decree on days off for ${current}`,
    });
  }
  if (!nextYear.decreed && today.slice(5) >= NEXT_YEAR_ALERT_FROM) {
    alerts.push({
      code: 'CALENDAR_PROVISIONAL',
      year: current + 1,
      message:
        `The production calendar for ${current + 1} is provisional (Labour Code only): deadlines reaching into ${current + 1} may move. ` +
        `Load the government decree on days off for ${current + 1} once it is published`,
    });
  }
  return { years, alerts };
}
