import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { calendarForTerritory, type CalendarRow } from '../../subgraphs/social-protection/calendar/calendar-data';
import { decreedCalendarDays } from '../../subgraphs/social-protection/calendar/decree-rules';
import { DECREE_2025, DECREE_2026 } from '../../subgraphs/social-protection/calendar/decrees-2025-2026';
import { addDays, isWeekend } from '../../subgraphs/social-protection/calendar/iso-date';
import { ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import {
  isStatutoryHoliday,
  statutoryCalendarDays,
  statutoryTransfers,
} from '../../subgraphs/social-protection/calendar/statutory-calendar';
import { refusal } from '../support/refusal';

const decreed = new ProductionCalendar(RUSSIA_2025_2026);
/** Only the Labour Code: no decree loaded for any year. */
const statutoryOnly = new ProductionCalendar([], []);

/** Every day of a year where the two calendars disagree on working or not. */
function differences(a: ProductionCalendar, b: ProductionCalendar, year: number): string[] {
  const days: string[] = [];
  for (let d = `${year}-01-01`; d <= `${year}-12-31`; d = addDays(d, 1)) {
    if (a.isWorkingDay(d) !== b.isWorkingDay(d)) days.push(`${d} ${b.isWorkingDay(d) ? 'worked' : 'off'} by decree`);
  }
  return days;
}

describe('the Labour Code calendar against the decreed years (Labour Code art. 112; DOMAIN.md)', () => {
  test("2025 by the Labour Code alone differs from decree No. 1335 exactly in the decree's transfers", () => {
    expect(differences(statutoryOnly, decreed, 2025)).toEqual([
      '2025-02-24 worked by decree', // the code moves Sun 23 Feb to Mon 24 Feb; the decree moves it to 8 May
      '2025-03-10 worked by decree', // the code moves Sat 8 Mar to Mon 10 Mar; the decree moves it to 13 Jun
      '2025-05-02 off by decree', // from Sat 4 Jan
      '2025-05-08 off by decree', // from Sun 23 Feb
      '2025-06-13 off by decree', // from Sat 8 Mar
      '2025-11-01 worked by decree', // Saturday worked …
      '2025-11-03 off by decree', // … its day off on Mon 3 Nov
      '2025-12-31 off by decree', // from Sun 5 Jan
    ]);
  });

  test('2026 by the Labour Code alone differs from decree No. 1466 exactly in its two transfers (9 Jan, 31 Dec)', () => {
    expect(differences(statutoryOnly, decreed, 2026)).toEqual(['2026-01-09 off by decree', '2026-12-31 off by decree']);
  });

  test('the Labour Code with the decrees as the hub states them gives the shipped 2025 and 2026 calendars day for day', () => {
    const shipped = (year: number) => RUSSIA_2025_2026.filter((d) => d.date.startsWith(`${year}`)).map((d) => [d.date, d.kind]);
    expect(decreedCalendarDays(DECREE_2025).map((d) => [d.date, d.kind])).toEqual(shipped(2025));
    expect(decreedCalendarDays(DECREE_2026).map((d) => [d.date, d.kind])).toEqual(shipped(2026));
  });

  test('without decrees 2025 and 2026 have 249 working days each (the decrees take two more off)', () => {
    expect(statutoryOnly.workingDaysInYear(2025)).toBe(249);
    expect(statutoryOnly.workingDaysInYear(2026)).toBe(249);
  });
});

describe('the provisional calendar of a year without a decree (Labour Code art. 112)', () => {
  test('2027: weekend holidays move to the next working day — 1 May → 3 May, 9 May → 10 May, 12 June → 14 June', () => {
    expect(statutoryTransfers(2027)).toEqual([
      { from: '2027-05-01', to: '2027-05-03' },
      { from: '2027-05-09', to: '2027-05-10' },
      { from: '2027-06-12', to: '2027-06-14' },
    ]);
  });

  test('2027: the January weekend days (Sat 2, Sun 3 January) do not move on their own — only a decree moves them', () => {
    const days = statutoryCalendarDays(2027).map((d) => d.date);
    expect(days.filter((d) => d < '2027-02-01')).toEqual([
      '2027-01-01',
      '2027-01-04',
      '2027-01-05',
      '2027-01-06',
      '2027-01-07',
      '2027-01-08',
    ]);
    expect(statutoryOnly.isWorkingDay('2027-01-11')).toBe(true);
    expect(statutoryOnly.workingDaysInYear(2027)).toBe(249);
  });

  test('two weekend holidays never land on the same day: 2032 moves Sat 1 May and Sun 9 May to Mon 3 and Mon 10 May', () => {
    expect(statutoryTransfers(2032).filter((t) => t.from.startsWith('2032-05'))).toEqual([
      { from: '2032-05-01', to: '2032-05-03' },
      { from: '2032-05-09', to: '2032-05-10' },
    ]);
  });

  test('every year from 2013 to 2100: each moved day off is a distinct weekday that is no holiday, and the year has 245–252 working days', () => {
    for (let year = 2013; year <= 2100; year++) {
      const transfers = statutoryTransfers(year);
      const targets = transfers.map((t) => t.to);
      expect(new Set(targets).size).toBe(targets.length);
      for (const t of transfers) {
        expect(isWeekend(t.from) && !isWeekend(t.to) && !isStatutoryHoliday(t.to)).toBe(true);
        expect(t.to > t.from).toBe(true);
      }
      const total = statutoryOnly.workingDaysInYear(year);
      expect(total).toBeGreaterThanOrEqual(245);
      expect(total).toBeLessThanOrEqual(252);
    }
  });

  test('every day of a year without a decree is provisional; a decreed year is not', () => {
    expect(decreed.isProvisional('2027-03-01')).toBe(true);
    expect(decreed.isProvisional('2026-03-01')).toBe(false);
    expect(decreed.isProvisionalBetween('2026-12-01', '2027-01-15')).toBe(true);
    expect(decreed.isProvisionalBetween('2025-12-01', '2026-01-15')).toBe(false);
    expect(decreed.dayInfo('2027-05-03')).toMatchObject({ kind: 'holiday', note: expect.stringContaining('art. 112') });
  });

  test('the working day immediately before a holiday is one hour shorter (Labour Code art. 95), and stays a working day', () => {
    expect(['2027-02-22', '2027-04-30', '2027-06-11', '2027-11-03', '2027-12-31'].map((d) => statutoryOnly.isShortenedDay(d))).toEqual([
      true,
      true,
      true,
      true,
      true,
    ]);
    expect(statutoryOnly.isShortenedDay('2027-03-05')).toBe(false); // Friday; 8 March is Monday, a weekend in between
    expect(statutoryOnly.isShortenedDay('2027-03-09')).toBe(false);
    expect(statutoryOnly.isWorkingDay('2027-02-22')).toBe(true);
  });

  test('a year the hub cannot compute (before the present art. 112, 2013) is a coded error naming the year', () => {
    const e = refusal(() => statutoryOnly.addWorkingDays('2012-12-20', 3));
    expect(e.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(e.extensions).toMatchObject({ rule: 'production-calendar', year: 2012 });
    expect(e.message).toContain('2012');
  });
});

describe('regional days in provisional years (DOMAIN.md: a region may add its own holidays)', () => {
  const federal: CalendarRow[] = RUSSIA_2025_2026.map((d) => ({ ...d, region: null }));
  const regional: CalendarRow = { date: '2027-03-02', kind: 'holiday', note: 'regional holiday (example)', region: '25' };

  test('a regional holiday counts in its region on top of the provisional 2027 calendar, and elsewhere not', () => {
    const irkutsk = calendarForTerritory([...federal, regional], '25701000');
    const moscow = calendarForTerritory([...federal, regional], '45000000');
    expect(irkutsk.isWorkingDay('2027-03-02')).toBe(false);
    expect(moscow.isWorkingDay('2027-03-02')).toBe(true);
    expect(irkutsk.isWorkingDay('2027-05-03')).toBe(false); // the Labour Code's days still apply
    expect(irkutsk.workingDaysInYear(2027)).toBe(moscow.workingDaysInYear(2027) - 1);
  });

  test('a regional holiday does not make its year decreed: deadlines over it stay provisional', () => {
    const irkutsk = calendarForTerritory([...federal, regional], '25701000');
    expect(irkutsk.coveredYears()).toEqual([2025, 2026]);
    expect(irkutsk.workingDayDeadline('2027-02-26', 3)).toEqual({ dueDate: '2027-03-04', provisional: true });
  });
});
