import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { CalendarDay, ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import { refusal } from '../support/refusal';

const calendar = new ProductionCalendar(RUSSIA_2025_2026);

describe('Russian production calendar 2025–2026 (DOMAIN.md: deadlines are in working days)', () => {
  test('2025 has 247 working days (Labour Code art. 112, decree No. 1335 of 4 Oct 2024)', () => {
    expect(calendar.workingDaysInYear(2025)).toBe(247);
  });

  test('2026 has 247 working days (Labour Code art. 112, decree No. 1466 of 24 Sep 2025)', () => {
    expect(calendar.workingDaysInYear(2026)).toBe(247);
  });

  test('the decreed years are exactly 2025 and 2026', () => {
    expect(calendar.coveredYears()).toEqual([2025, 2026]);
  });

  test('Saturday 1 November 2025 is a working day and Monday 3 November is off (decree No. 1335)', () => {
    expect(calendar.isWorkingDay('2025-11-01')).toBe(true);
    expect(calendar.isWorkingDay('2025-11-03')).toBe(false);
    expect(calendar.isWorkingDay('2025-11-04')).toBe(false);
    expect(calendar.isWorkingDay('2025-11-05')).toBe(true);
  });

  test('2025 transfers: 2 May, 8 May, 13 June and 31 December are days off (decree No. 1335)', () => {
    for (const d of ['2025-05-02', '2025-05-08', '2025-06-13', '2025-12-31']) expect(calendar.isWorkingDay(d)).toBe(false);
    expect(calendar.isWorkingDay('2025-05-07')).toBe(true);
    expect(calendar.isWorkingDay('2025-12-30')).toBe(true);
  });

  test('the New Year break runs 31 Dec 2025 – 11 Jan 2026 and work resumes on Monday 12 January (decree No. 1466)', () => {
    for (let day = 1; day <= 11; day++) {
      expect(calendar.isWorkingDay(`2026-01-${String(day).padStart(2, '0')}`)).toBe(false);
    }
    expect(calendar.isWorkingDay('2026-01-12')).toBe(true);
  });

  test('2026: holidays on a weekend move to the Monday after — 9 March, 11 May (Labour Code art. 112)', () => {
    expect(calendar.isWorkingDay('2026-03-09')).toBe(false);
    expect(calendar.isWorkingDay('2026-05-11')).toBe(false);
    expect(calendar.isWorkingDay('2026-02-23')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-31')).toBe(false);
    expect(calendar.isWorkingDay('2026-12-30')).toBe(true);
  });

  test('an ordinary weekend is off and an ordinary weekday is a working day', () => {
    expect(calendar.isWorkingDay('2025-03-15')).toBe(false); // Saturday
    expect(calendar.isWorkingDay('2025-03-16')).toBe(false); // Sunday
    expect(calendar.isWorkingDay('2025-03-17')).toBe(true); // Monday
  });

  test('"within N working days after" starts counting on the next working day (DOMAIN.md)', () => {
    expect(calendar.addWorkingDays('2025-12-30', 1)).toBe('2026-01-12');
    expect(calendar.addWorkingDays('2025-03-14', 1)).toBe('2025-03-17'); // Friday → Monday
    expect(calendar.addWorkingDays('2025-03-15', 1)).toBe('2025-03-17'); // a signal on Saturday
    expect(calendar.addWorkingDays('2025-03-17', 0)).toBe('2025-03-17');
  });

  test('a deadline across the Saturday worked on 1 November 2025 counts that Saturday', () => {
    // Thu 30 Oct → Fri 31 Oct (1), Sat 1 Nov (2), Wed 5 Nov (3)
    expect(calendar.addWorkingDays('2025-10-30', 3)).toBe('2025-11-05');
  });

  test('workingDaysBetween counts the days after `from` up to and including `to`, and is the inverse of addWorkingDays', () => {
    expect(calendar.workingDaysBetween('2025-12-29', '2026-01-12')).toBe(2); // 30 Dec, 12 Jan
    expect(calendar.workingDaysBetween('2025-03-17', '2025-03-17')).toBe(0);
    expect(calendar.workingDaysBetween('2025-03-15', '2025-03-16')).toBe(0); // a weekend in between only
    expect(calendar.workingDaysBetween('2026-01-12', '2025-12-29')).toBe(-2);
    for (const [from, n] of [
      ['2025-04-28', 7],
      ['2025-12-24', 10],
      ['2026-06-10', 4],
    ] as const) {
      expect(calendar.workingDaysBetween(from, calendar.addWorkingDays(from, n))).toBe(n);
    }
  });

  test('computing into a year without a decree is provisional, not refused (issue 18)', () => {
    // 28, 29, 30 Dec; 31 Dec off by decree No. 1466; 1–8 Jan 2027 off (art. 112); 11, 12 Jan
    expect(calendar.workingDayDeadline('2026-12-25', 5)).toEqual({ dueDate: '2027-01-12', provisional: true });
    expect(calendar.workingDayDeadline('2026-12-14', 5)).toEqual({ dueDate: '2026-12-21', provisional: false });
    expect(calendar.isWorkingDay('2024-12-31')).toBe(true);
    expect(calendar.workingDaysBetween('2024-12-20', '2025-01-10')).toBe(9); // 23–27, 30, 31 Dec 2024 (Labour Code alone), 9, 10 Jan 2025
  });

  test('a year the hub cannot compute is a coded error naming the year (before art. 112 of 2012)', () => {
    const e = refusal(() => calendar.isWorkingDay('2012-05-02'));
    expect(e.code).toBe(ErrorCode.RULE_VIOLATION);
    expect(e.extensions).toMatchObject({ rule: 'production-calendar', year: 2012 });
    expect(e.message).toContain('2012');
  });

  test('a region can add its own holiday to the federal data', () => {
    const regional: CalendarDay = { date: '2025-07-02', kind: 'holiday', note: 'regional holiday (example)' };
    const withRegional = new ProductionCalendar([...RUSSIA_2025_2026, regional]);
    expect(withRegional.isWorkingDay('2025-07-02')).toBe(false);
    expect(withRegional.workingDaysInYear(2025)).toBe(246);
  });

  test('bad calendar data is rejected when loaded', () => {
    expect(refusal(() => new ProductionCalendar([{ date: '2025-11-05', kind: 'working_weekend', note: 'a Wednesday' }])).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(refusal(() => new ProductionCalendar([{ date: '2025-02-30', kind: 'holiday', note: '' }])).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(
      refusal(
        () =>
          new ProductionCalendar([
            { date: '2025-11-01', kind: 'working_weekend', note: '' },
            { date: '2025-11-01', kind: 'holiday', note: '' },
          ]),
      ).code,
    ).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('dates must be plain YYYY-MM-DD', () => {
    expect(refusal(() => calendar.isWorkingDay('2025-3-1')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => calendar.addWorkingDays('2025-03-01T00:00:00Z', 1)).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => calendar.addWorkingDays('2025-03-03', -1)).code).toBe(ErrorCode.BAD_USER_INPUT);
  });
});
