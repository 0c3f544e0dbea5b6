import { SignalSource } from '../../subgraphs/social-protection/signal/signal.entity';
import fs from 'node:fs';
import path from 'node:path';
import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { calendarForTerritory, type CalendarRow } from '../../subgraphs/social-protection/calendar/calendar-data';
import { calendarStatus } from '../../subgraphs/social-protection/calendar/calendar-status';
import { DecreeFileError, parseDecreeFile } from '../../subgraphs/social-protection/calendar/decree-file';
import { DecreeError, decreedCalendarDays, type Decree } from '../../subgraphs/social-protection/calendar/decree-rules';
import { changedDeadlines } from '../../subgraphs/social-protection/calendar/recompute-deadlines';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import { SupportStage as S } from '../../subgraphs/social-protection/support-case/stages';
import { refusal } from '../support/refusal';

const reasonOf = (fn: () => unknown) => {
  const e = refusal(fn);
  return { code: e.code, reason: e.extensions.reason };
};

const fixture = (name: string) => fs.readFileSync(path.join(__dirname, 'fixtures', name), 'utf8');
const REF = 'Test decree No. 0000 of 1 Dec 2026';
const TEST_DECREE: Decree = parseDecreeFile(fixture('decree-2027-test.csv'));
const federal: CalendarRow[] = RUSSIA_2025_2026.map((d) => ({ ...d, region: null }));
const with2027 = [...federal, ...decreedCalendarDays(TEST_DECREE).map((d) => ({ ...d, region: null }))];

describe('a decree file (npm run calendar -- load <file>)', () => {
  test('reads the year and one line per day: date, kind, reference, and the day a day off is moved from', () => {
    expect(TEST_DECREE).toEqual({
      year: 2027,
      days: [
        { date: '2027-01-11', kind: 'day_off', reference: REF, from: '2027-01-02' },
        { date: '2027-12-31', kind: 'day_off', reference: REF, from: '2027-01-03' },
      ],
    });
  });

  test('a file without its "year" line, or with a line of the wrong shape, is refused with the line number', () => {
    expect(reasonOf(() => parseDecreeFile('2027-01-11,day_off,x,2027-01-02'))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeFileError.MISSING_YEAR,
    });
    const e = refusal(() => parseDecreeFile('year,2027\n# comment\n2027-01-11;day_off'));
    expect(e.extensions).toMatchObject({ code: ErrorCode.BAD_USER_INPUT, reason: DecreeFileError.MALFORMED_LINE, line: 3 });
    expect(refusal(() => parseDecreeFile('year,2027\n2027-02-30,day_off,x,2027-01-02')).extensions).toMatchObject({
      reason: DecreeFileError.MALFORMED_LINE,
      line: 2,
    });
  });
});

describe('a decree is checked whole before anything is loaded (issue 18: bad input)', () => {
  const line = (over: Partial<Decree['days'][number]>) => ({
    date: '2027-01-11',
    kind: 'day_off',
    reference: REF,
    from: '2027-01-02',
    ...over,
  });
  const check =
    (...days: Decree['days']) =>
    () =>
      decreedCalendarDays({ year: 2027, days });

  test('an unknown kind', () => {
    expect(reasonOf(() => decreedCalendarDays(parseDecreeFile(`year,2027\n2027-01-11,holiday_moved,${REF},2027-01-02`)))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.UNKNOWN_KIND,
    });
  });

  test('a date outside the year of the decree, as the day or as the day it is moved from', () => {
    expect(reasonOf(check(line({ date: '2028-01-11' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.DATE_OUTSIDE_YEAR,
    });
    expect(reasonOf(check(line({ from: '2026-01-03' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.DATE_OUTSIDE_YEAR,
    });
  });

  test('a duplicate date, and one day off moved twice', () => {
    expect(reasonOf(check(line({}), line({ from: '2027-01-03' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.DUPLICATE_DATE,
    });
    expect(reasonOf(check(line({}), line({ date: '2027-12-31' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.DUPLICATE_DATE,
    });
  });

  test('a working Sunday without a matching transfer (the file the CLI refuses)', () => {
    expect(reasonOf(() => decreedCalendarDays(parseDecreeFile(fixture('decree-2027-unmatched-sunday.csv'))))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.UNMATCHED_WORKING_DAY,
    });
  });

  test('a day off moved from a plain Saturday that is not made a working day, and a working day that is no weekend', () => {
    expect(reasonOf(check(line({ from: '2027-11-06' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.UNMATCHED_TRANSFER,
    });
    expect(reasonOf(check(line({ date: '2027-11-05', kind: 'working_day', from: null })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.NOT_A_WEEKEND,
    });
  });

  test("a day off moved onto a day already off (a holiday, or the Labour Code's move of 1 May to 3 May)", () => {
    expect(reasonOf(check(line({ date: '2027-02-23' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.NOT_A_WORKING_DAY,
    });
    expect(reasonOf(check(line({ date: '2027-05-03' })))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.NOT_A_WORKING_DAY,
    });
    // … unless the decree moves 1 May's day off elsewhere itself
    expect(
      decreedCalendarDays({ year: 2027, days: [line({ date: '2027-05-03' }), line({ date: '2027-05-04', from: '2027-05-01' })] }).map(
        (d) => d.date,
      ),
    ).toEqual(expect.arrayContaining(['2027-05-03', '2027-05-04']));
  });

  test('a year the hub cannot compute, and an empty decree', () => {
    expect(refusal(() => decreedCalendarDays({ year: 2011, days: [line({})] })).extensions).toMatchObject({
      code: ErrorCode.RULE_VIOLATION,
      year: 2011,
    });
    expect(reasonOf(() => decreedCalendarDays({ year: 2027, days: [] }))).toEqual({
      code: ErrorCode.BAD_USER_INPUT,
      reason: DecreeError.EMPTY,
    });
  });
});

describe('loading a decree recomputes the deadlines it changes (issue 18)', () => {
  // Cases opened by an IPRA extract: the 5-working-day contact term runs (seed 003 §16).
  const IPRA = { openingSource: SignalSource.IPRA_EXTRACT, serviceProgrammeApprovedOn: null };
  const signalOn25Dec = {
    id: 'case-1',
    stage: S.IDENTIFIED,
    stageEnteredOn: '2026-12-25',
    appealedOn: null,
    territoryOktmo: '25701000',
    ...IPRA,
  };
  const inNovember = {
    id: 'case-2',
    stage: S.IDENTIFIED,
    stageEnteredOn: '2026-11-20',
    appealedOn: null,
    territoryOktmo: '25701000',
    ...IPRA,
  };

  test('a signal received on 25 Dec 2026 gets a provisional contact deadline in January 2027; the test decree moves it and removes the mark (seed 003 §16)', () => {
    const changed = changedDeadlines(
      [signalOn25Dec, inNovember],
      (oktmo) => calendarForTerritory(federal, oktmo),
      (oktmo) => calendarForTerritory(with2027, oktmo),
    );
    // 28, 29, 30 Dec; 1–8 Jan off (art. 112); Mon 11 Jan off by the test decree (from Sat 2 Jan): 12, 13 Jan
    expect(changed).toEqual([
      {
        caseId: 'case-1',
        stage: S.IDENTIFIED,
        dueDateBefore: '2027-01-12',
        dueDateAfter: '2027-01-13',
        provisionalBefore: true,
        provisionalAfter: false,
      },
    ]);
  });

  test('a case whose deadline only loses its provisional mark is listed too', () => {
    const decree: Decree = { year: 2027, days: [{ date: '2027-12-30', kind: 'day_off', reference: REF, from: '2027-01-02' }] };
    const after = [...federal, ...decreedCalendarDays(decree).map((d) => ({ ...d, region: null }))];
    expect(
      changedDeadlines(
        [signalOn25Dec],
        (o) => calendarForTerritory(federal, o),
        (o) => calendarForTerritory(after, o),
      ),
    ).toEqual([
      {
        caseId: 'case-1',
        stage: S.IDENTIFIED,
        dueDateBefore: '2027-01-12',
        dueDateAfter: '2027-01-12',
        provisionalBefore: true,
        provisionalAfter: false,
      },
    ]);
  });
});

describe('the administrator is told from 1 September that next year is still provisional (DOMAIN.md: decrees come in September–October)', () => {
  test('before 1 September: no alert while this year is decreed', () => {
    expect(calendarStatus([2025, 2026], '2026-08-31')).toEqual({
      years: [
        { year: 2026, decreed: true },
        { year: 2027, decreed: false },
      ],
      alerts: [],
    });
  });

  test('from 1 September: an alert naming next year, until its decree is loaded', () => {
    expect(calendarStatus([2025, 2026], '2026-09-01').alerts).toEqual([
      expect.objectContaining({ code: 'CALENDAR_PROVISIONAL', year: 2027 }),
    ]);
    expect(calendarStatus([2025, 2026, 2027], '2026-12-03').alerts).toEqual([]);
  });

  test('a current year without its decree is always an alert', () => {
    expect(calendarStatus([2025, 2026], '2030-02-20').alerts).toEqual([
      expect.objectContaining({ code: 'CALENDAR_PROVISIONAL', year: 2030 }),
    ]);
  });
});
