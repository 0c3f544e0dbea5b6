import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import type { Identity } from '../../subgraphs/kit/platform/identity';
import {
  calendarForTerritory,
  subtractWorkingDays,
  validateCalendarAddition,
  type CalendarRow,
} from '../../subgraphs/social-protection/calendar/calendar-data';
import { ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import {
  assertAgreementCoversProgramme,
  assertMeasureWithinProgramme,
  assertSocialContract,
} from '../../subgraphs/social-protection/programme/programme.rules';
import { MeasureStatus, ProgrammeKind } from '../../subgraphs/social-protection/programme/programme.entity';
import { referralSideOf } from '../../subgraphs/social-protection/referral/referral.policy';
import { assertBirthDate } from '../../subgraphs/social-protection/register/register.rules';
import { SignalSource } from '../../subgraphs/social-protection/signal/signal.entity';
import { assertMaySubmitSignal, validateSignal } from '../../subgraphs/social-protection/signal/signal.rules';
import { buildSupportRoute } from '../../subgraphs/social-protection/support-case/route';
import { SupportStage as S } from '../../subgraphs/social-protection/support-case/stages';
import { stayOutcome } from '../../subgraphs/social-protection/statistics/deadline-outcome';
import {
  appealDateOf,
  assertAdvance,
  assertConclusion,
  assertProgrammeApproval,
  assertStageDate,
  caseDeadline,
  compareWorklist,
} from '../../subgraphs/social-protection/support-case/support-case.rules';
import { refusal } from '../support/refusal';

const federal: CalendarRow[] = RUSSIA_2025_2026.map((d) => ({ ...d, region: null }));
const calendar = new ProductionCalendar(RUSSIA_2025_2026);

const identity = (over: Partial<Identity>): Identity => ({
  subject: 's',
  role: 'COORDINATOR',
  organizationId: null,
  territoryOktmo: null,
  agency: null,
  grants: [],
  requestId: 'r',
  ...over,
});

describe('production calendar as data (DOMAIN.md, "Deadlines are in working days")', () => {
  test('a regional holiday counts only in its region; the federal calendar elsewhere is unchanged', () => {
    const rows = [...federal, { date: '2026-02-02', kind: 'holiday' as const, note: 'regional', region: '25701' }];
    expect(calendarForTerritory(rows, '25701000').isWorkingDay('2026-02-02')).toBe(false);
    expect(calendarForTerritory(rows, '25714000').isWorkingDay('2026-02-02')).toBe(true);
    expect(calendarForTerritory(rows, null).isWorkingDay('2026-02-02')).toBe(true);
  });

  test('a single federal day cannot make a new year decreed: the year comes whole with its decree (issue 18)', () => {
    const added = [{ date: '2027-01-01', kind: 'holiday' as const, note: 'ТК РФ ст. 112', region: null }];
    expect(refusal(() => validateCalendarAddition(federal, added)).extensions).toMatchObject({
      code: ErrorCode.RULE_VIOLATION,
      year: 2027,
    });
  });

  test('inconsistent additions are refused: a weekday "working weekend", a duplicate; a regional holiday in a provisional year is kept (issue 18)', () => {
    expect(
      refusal(() => validateCalendarAddition(federal, [{ date: '2026-02-04', kind: 'working_weekend', note: 'x', region: null }])).code,
    ).toBe(ErrorCode.BAD_USER_INPUT);
    expect(validateCalendarAddition(federal, [{ date: '2028-02-04', kind: 'holiday', note: 'x', region: '25' }])).toHaveLength(1);
    const day = { date: '2026-02-04', kind: 'holiday' as const, note: 'x', region: '25' };
    expect(refusal(() => validateCalendarAddition(federal, [day, day])).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => validateCalendarAddition(federal, [{ ...day, region: 'Irkutsk' }])).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('a regional holiday in a year the federal data lacks does not make that year known', () => {
    const cal = calendarForTerritory([...federal, { date: '2027-03-02', kind: 'holiday', note: 'x', region: '25' }], '25701000');
    expect(cal.coveredYears()).toEqual([2025, 2026]);
  });

  test('counting working days back is the inverse of counting forward, across the New Year break', () => {
    expect(subtractWorkingDays(calendar, '2026-01-14', 5)).toBe('2025-12-26');
    expect(calendar.addWorkingDays(subtractWorkingDays(calendar, '2026-11-23', 5), 5)).toBe('2026-11-23');
  });
});

describe('support case deadlines and the worklist', () => {
  // A case opened by an IPRA extract, with neither an appeal nor an IPPSU recorded yet.
  const dates = { appealedOn: null, openingSource: SignalSource.IPRA_EXTRACT, serviceProgrammeApprovedOn: null };

  test('contact is due within 5 working days of the signal, skipping 31 Dec 2025 – 11 Jan 2026 (seed 003 §16)', () => {
    expect(caseDeadline({ ...dates, stage: S.IDENTIFIED, stageEnteredOn: '2025-12-26' }, calendar)).toMatchObject({
      dueDate: '2026-01-14',
      source: 'seed 003 §16',
    });
  });

  test('a case opened by a personal appeal has no contact term; its reception term is 3 working days (seed 003 §16, seed 004 §3.2.3)', () => {
    const appeal = { ...dates, openingSource: SignalSource.PERSONAL_APPEAL, appealedOn: '2026-01-12' };
    expect(caseDeadline({ ...appeal, stage: S.IDENTIFIED, stageEnteredOn: '2026-01-12' }, calendar)).toMatchObject({
      dueDate: '2026-01-15',
      rule: 'needs-assessment-after-appeal',
    });
  });

  test('the programme proposal counts from the appeal when known (seed 004 §3.2.7)', () => {
    expect(
      caseDeadline({ ...dates, stage: S.NEEDS_ASSESSED, stageEnteredOn: '2026-01-14', appealedOn: '2026-01-12' }, calendar)?.dueDate,
    ).toBe('2026-01-19');
    expect(caseDeadline({ ...dates, stage: S.NEEDS_ASSESSED, stageEnteredOn: '2026-01-14' }, calendar)?.dueDate).toBe('2026-01-21');
  });

  test('the start term counts from the IPPSU approval, not from the citizen agreeing it, and an IPSS has none (seed 004 §3.2.8)', () => {
    const agreed = { ...dates, stage: S.PROGRAMME_AGREED, stageEnteredOn: '2026-01-14' };
    // Approved on Fri 16 Jan 2026: 15 working days later is Fri 6 Feb (from the agreement it would be Wed 4 Feb).
    expect(caseDeadline({ ...agreed, serviceProgrammeApprovedOn: '2026-01-16' }, calendar)).toMatchObject({
      dueDate: '2026-02-06',
      source: 'seed 004 §3.2.8',
    });
    expect(caseDeadline({ ...agreed, serviceProgrammeApprovedOn: null }, calendar)).toBeNull();
  });

  test('an IPPSU is recorded with its approval day; an IPSS is not (seed 004 §3.2.8)', () => {
    expect(assertProgrammeApproval('SERVICE_PROGRAMME', '2026-01-16', '2026-01-14', '2026-01-20')).toBe('2026-01-16');
    expect(refusal(() => assertProgrammeApproval('SERVICE_PROGRAMME', null, '2026-01-14', '2026-01-20'))).toMatchObject({
      code: ErrorCode.RULE_VIOLATION,
    });
    expect(refusal(() => assertProgrammeApproval('SUPPORT_PROGRAMME', '2026-01-16', '2026-01-14', '2026-01-20')).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(assertProgrammeApproval('SUPPORT_PROGRAMME', null, '2026-01-14', '2026-01-20')).toBeNull();
    // Not in the future.
    expect(refusal(() => assertProgrammeApproval('SERVICE_PROGRAMME', '2026-01-21', '2026-01-14', '2026-01-20')).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
  });

  test("the statistics judge a stay by the worklist's due day: the proposal counts from the appeal in both (seed 004 §3.2.7, seed 003 §36)", () => {
    // Appeal Mon 12 Jan 2026, needs assessed Wed 14 Jan, programme agreed Tue 20 Jan: the worklist's due day was
    // Mon 19 Jan (5 working days from the appeal), so the stay is MISSED — counting from the stage entry would say MET.
    const stay = { ...dates, stage: S.NEEDS_ASSESSED, stageEnteredOn: '2026-01-14', appealedOn: '2026-01-12' };
    const onWorklist = caseDeadline(stay, calendar)!.dueDate;
    expect(stayOutcome({ ...stay, leftOn: '2026-01-20' }, calendar, '2026-02-01')).toEqual({ dueDate: onWorklist, outcome: 'MISSED' });
    expect(onWorklist).toBe('2026-01-19');
    // Still in the stage: in time on the due day, missed after it.
    expect(stayOutcome({ ...stay, leftOn: null }, calendar, '2026-01-19')?.outcome).toBeNull();
    expect(stayOutcome({ ...stay, leftOn: null }, calendar, '2026-01-20')?.outcome).toBe('MISSED');
    // A stage without a term (an IPSS agreed) is neither met nor missed.
    expect(
      stayOutcome({ ...dates, stage: S.PROGRAMME_AGREED, stageEnteredOn: '2026-01-14', leftOn: null }, calendar, '2026-03-01'),
    ).toBeNull();
  });

  test('a closed case and a case in implementation have no stage deadline (seed 001 §3.3.4, seed 000 §3)', () => {
    for (const stage of [S.IN_IMPLEMENTATION, S.CONCLUDED, S.DECLINED, S.STOPPED]) {
      expect(caseDeadline({ ...dates, stage, stageEnteredOn: '2026-01-14' }, calendar)).toBeNull();
    }
  });

  test('a personal appeal is itself the appeal the proposal term counts from (seed 004 §3.2.7)', () => {
    expect(appealDateOf(SignalSource.PERSONAL_APPEAL, '2026-01-12')).toBe('2026-01-12');
    expect(appealDateOf(SignalSource.IPRA_EXTRACT, '2026-01-12')).toBeNull();
  });

  test('worklist: overdue first, then nearest due date, undated last (seed 003 §16, seed 004 §3.2)', () => {
    const entries = [
      { id: 'c', openedOn: '2026-01-01', dueDate: null },
      { id: 'b', openedOn: '2026-01-01', dueDate: '2026-02-10' },
      { id: 'd', openedOn: '2026-01-01', dueDate: '2026-02-03' },
      { id: 'a', openedOn: '2026-01-01', dueDate: '2026-01-20' },
    ];
    expect([...entries].sort((x, y) => compareWorklist(x, y, '2026-02-01')).map((e) => e.id)).toEqual(['a', 'd', 'b', 'c']);
  });

  test('stage dates are facts: not before the current stage, not in the future', () => {
    expect(() => assertStageDate('2026-01-12', '2026-01-12', '2026-11-23')).not.toThrow();
    expect(refusal(() => assertStageDate('2026-01-11', '2026-01-12', '2026-11-23')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => assertStageDate('2026-11-24', '2026-01-12', '2026-11-23')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('the programme and the conclusion are entered by recording them, not by a bare stage move (seed 003 §30, seed 000 §3)', () => {
    expect(refusal(() => assertAdvance(S.NEEDS_ASSESSED, S.PROGRAMME_AGREED, {})).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertAdvance(S.IN_IMPLEMENTATION, S.CONCLUDED, {})).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(() => assertAdvance(S.PROGRAMME_AGREED, S.IN_IMPLEMENTATION, {})).not.toThrow();
  });

  test('only a case in implementation is concluded, and only with the conclusion written (seed 000 §3)', () => {
    expect(() => assertConclusion(S.IN_IMPLEMENTATION, 'выполнено')).not.toThrow();
    expect(refusal(() => assertConclusion(S.PROGRAMME_AGREED, 'выполнено')).code).toBe(ErrorCode.ILLEGAL_TRANSITION);
    expect(refusal(() => assertConclusion(S.IN_IMPLEMENTATION, '  ')).extensions).toMatchObject({
      code: ErrorCode.RULE_VIOLATION,
      rule: 'seed 000 §3',
    });
  });
});

describe('signals (seed 003 §15, seed 004 annex 4)', () => {
  const base = { idempotencyKey: 'k', source: SignalSource.IPRA_EXTRACT, receivedOn: '2026-01-12', summary: 'x' };

  test('a SNILS with a wrong checksum is INVALID_SNILS; a valid one is normalized', () => {
    expect(refusal(() => validateSignal({ ...base, personSnils: '123-456-789 00' }, '2026-11-23')).code).toBe(ErrorCode.INVALID_SNILS);
    expect(validateSignal({ ...base, personSnils: '123-456-789 64' }, '2026-11-23')).toEqual({ snils: '12345678964' });
  });

  test('an anonymous helpline call is journaled without the caller name (seed 004 annex 4 §3.6)', () => {
    const e = refusal(() =>
      validateSignal({ ...base, source: SignalSource.HELPLINE, callerAnonymous: true, helpline: { callerName: 'Иванова' } }, '2026-11-23'),
    );
    expect(e.extensions).toMatchObject({ code: ErrorCode.RULE_VIOLATION, rule: 'seed 004 annex 4 §3.6' });
    expect(refusal(() => validateSignal({ ...base, helpline: {} }, '2026-11-23')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('a signal cannot be received in the future, nor without a summary', () => {
    expect(refusal(() => validateSignal({ ...base, receivedOn: '2026-11-24' }, '2026-11-23')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(refusal(() => validateSignal({ ...base, summary: ' ' }, '2026-11-23')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('partner services need the submitSignal grant; coordinators may record signals; others may not (seed 003 §15, §23)', () => {
    expect(() => assertMaySubmitSignal(identity({ role: 'PARTNER_SERVICE', grants: ['submitSignal'] }))).not.toThrow();
    expect(() => assertMaySubmitSignal(identity({ role: 'COORDINATOR' }))).not.toThrow();
    expect(refusal(() => assertMaySubmitSignal(identity({ role: 'PARTNER_SERVICE', grants: [] }))).code).toBe(ErrorCode.FORBIDDEN);
    expect(refusal(() => assertMaySubmitSignal(identity({ role: 'SPECIALIST', agency: 'HEALTH' }))).code).toBe(ErrorCode.FORBIDDEN);
  });
});

describe('register, programmes and social contracts', () => {
  test('a birth date in the future is refused (seed 003 §3 derives the category from it)', () => {
    expect(refusal(() => assertBirthDate('2026-11-24', '2026-11-23')).code).toBe(ErrorCode.BAD_USER_INPUT);
    expect(() => assertBirthDate('2026-11-23', '2026-11-23')).not.toThrow();
  });

  test('the support agreement covers the whole term of the programme (seed 001 §3.3(4))', () => {
    const programme = { validFrom: '2026-01-16', validUntil: '2026-12-30' };
    expect(() => assertAgreementCoversProgramme(programme, programme)).not.toThrow();
    expect(
      refusal(() => assertAgreementCoversProgramme(programme, { validFrom: '2026-01-16', validUntil: '2026-06-30' })).extensions,
    ).toMatchObject({ rule: 'seed 001 §3.3(4)' });
  });

  test('a measure is planned within its programme (seed 001 §3.3(5))', () => {
    const programme = { validFrom: '2026-01-16', validUntil: '2026-12-30' };
    expect(() => assertMeasureWithinProgramme(programme, '2026-01-20', '2026-03-01')).not.toThrow();
    expect(refusal(() => assertMeasureWithinProgramme(programme, '2026-01-01', '2026-03-01')).code).toBe(ErrorCode.RULE_VIOLATION);
    expect(refusal(() => assertMeasureWithinProgramme(programme, '2026-03-01', '2026-01-20')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('a social contract follows the commission decision, carries adaptation measures and monitoring within its term (seed 004 annex 5)', () => {
    const c = {
      commissionDecisionOn: '2026-02-01',
      signedOn: '2026-02-05',
      validUntil: '2026-08-05',
      adaptationMeasures: ['поиск работы'],
      monitoringDates: ['2026-05-05'],
    };
    expect(() => assertSocialContract(c)).not.toThrow();
    expect(refusal(() => assertSocialContract({ ...c, commissionDecisionOn: '2026-02-06' })).extensions).toMatchObject({
      rule: 'seed 004 annex 5 §3.1.4',
    });
    expect(refusal(() => assertSocialContract({ ...c, adaptationMeasures: [] })).extensions).toMatchObject({
      rule: 'seed 004 annex 5 §3.1.2',
    });
    expect(refusal(() => assertSocialContract({ ...c, monitoringDates: ['2026-09-01'] })).extensions).toMatchObject({
      rule: 'seed 004 annex 5 §3.2.7',
    });
  });
});

describe('referral sides (FHIR SDOH referral management; seed 003 §27, §33.6)', () => {
  const referral = { requesterOrganizationId: 'org-op', executorOrganizationId: 'org-clinic', executorAgency: 'HEALTH' };
  test('a referral is answered by the organization it is addressed to only, not by another of the same agency (seed 003 §27)', () => {
    expect(referralSideOf(identity({ role: 'COORDINATOR', organizationId: 'org-op' }), referral)).toBe('REQUESTER');
    expect(referralSideOf(identity({ role: 'SPECIALIST', agency: 'HEALTH', organizationId: 'org-clinic' }), referral)).toBe('EXECUTOR');
    expect(refusal(() => referralSideOf(identity({ role: 'COORDINATOR', organizationId: 'other' }), referral)).code).toBe(
      ErrorCode.FORBIDDEN,
    );
    // Another clinic of the same agency, a specialist of the agency without an organization, another agency.
    for (const other of [
      { agency: 'HEALTH', organizationId: 'org-other-clinic' },
      { agency: 'HEALTH', organizationId: null },
      { agency: 'EDUCATION', organizationId: 'org-clinic' },
    ]) {
      expect(refusal(() => referralSideOf(identity({ role: 'SPECIALIST', ...other }), referral)).code).toBe(ErrorCode.FORBIDDEN);
    }
  });
});

describe('the social-protection route (route convention; seed 003 §33.3)', () => {
  const supportCase = (stage: S, stageEnteredOn: string) => ({
    id: 'case-1',
    familyId: 'f',
    personId: 'p',
    stage,
    operatorOrganizationId: 'org',
    territoryOktmo: '25701000',
    coordinatorSubject: null,
    coordinatorPost: 'куратор',
    openedOn: '2026-01-12',
    stageEnteredOn,
    appealedOn: null,
    signalId: 'sig-1',
    openingSource: SignalSource.IPRA_EXTRACT,
    serviceProgrammeApprovedOn: null,
    conclusion: null,
    closedOn: null,
  });
  const empty = { personId: 'p', transitions: [], signals: [], programmes: [], measures: [], referrals: [] };

  test('a passed stage deadline is an OVERDUE step and a DEADLINE_OVERDUE alert (seed 003 §16)', () => {
    const route = buildSupportRoute({ ...empty, cases: [supportCase(S.IDENTIFIED, '2026-01-12')] as any }, () => calendar, '2026-01-20');
    expect(route.steps).toMatchObject([
      { kind: 'CONTACT', status: 'OVERDUE', dueOn: '2026-01-19', followsFrom: ['social_protection:Signal:sig-1'] },
    ]);
    expect(route.alerts.map((a) => a.code)).toEqual(['DEADLINE_OVERDUE']);
    const inTime = buildSupportRoute({ ...empty, cases: [supportCase(S.IDENTIFIED, '2026-01-12')] as any }, () => calendar, '2026-01-19');
    expect(inTime.alerts).toEqual([]);
  });

  test('the IDENTIFIED step says what its term asks: contact after an extract, the 3-day reception after a personal appeal (seed 004 §3.2.3), no term after a helpline call', () => {
    const pendingOf = (openingSource: SignalSource | null) =>
      buildSupportRoute(
        { ...empty, cases: [{ ...supportCase(S.IDENTIFIED, '2026-01-12'), openingSource }] as any },
        () => calendar,
        '2026-01-13',
      ).steps[0];
    const afterExtract = pendingOf(SignalSource.IPRA_EXTRACT);
    expect(afterExtract).toMatchObject({ dueOn: '2026-01-19' });
    expect(afterExtract.title).toMatch(/^Связаться с гражданином в течение 5 рабочих дней/);
    const afterAppeal = pendingOf(SignalSource.PERSONAL_APPEAL);
    expect(afterAppeal).toMatchObject({ dueOn: '2026-01-15' });
    expect(afterAppeal.title).toMatch(/^Первичный приём/);
    expect(afterAppeal.title).toMatch(/3 рабочих дней/);
    expect(afterAppeal.title).not.toMatch(/Связаться/);
    const afterCall = pendingOf(SignalSource.HELPLINE);
    expect(afterCall).toMatchObject({ dueOn: null, status: 'PLANNED' });
    expect(afterCall.title).toMatch(/срок не установлен/);
    expect(pendingOf(null)).toMatchObject({ dueOn: null, title: 'Связаться с гражданином (срок не установлен)' });
  });

  test('a referral unanswered for more than 2 working days raises REFERRAL_UNANSWERED; the measure carries its executor agency', () => {
    const referral = {
      id: 'r',
      measureId: 'm',
      caseId: 'case-1',
      personId: 'p',
      requesterOrganizationId: 'org',
      executorOrganizationId: 'clinic',
      executorAgency: 'HEALTH',
      status: 'REQUESTED',
      requestedOn: '2026-01-12',
      answeredOn: null,
      statusChangedOn: '2026-01-12',
      statusReason: null,
    };
    const measure = {
      id: 'm',
      programmeId: 'pr',
      caseId: 'case-1',
      personId: 'p',
      kind: 'MEDICAL',
      title: 'курс',
      executingOrganizationId: 'clinic',
      executorAgency: 'HEALTH',
      plannedFrom: '2026-01-12',
      plannedTo: '2026-03-01',
      status: MeasureStatus.PLANNED,
    };
    const programme = {
      id: 'pr',
      caseId: 'case-1',
      personId: 'p',
      kind: ProgrammeKind.SUPPORT_PROGRAMME,
      agreedOn: '2026-01-09',
      validFrom: '2026-01-09',
      validUntil: '2026-12-30',
    };
    const records = {
      ...empty,
      cases: [supportCase(S.IN_IMPLEMENTATION, '2026-01-12')] as any,
      referrals: [referral] as any,
      measures: [measure] as any,
      programmes: [programme] as any,
    };
    expect(buildSupportRoute(records, () => calendar, '2026-01-14').alerts).toEqual([]);
    const late = buildSupportRoute(records, () => calendar, '2026-01-15');
    expect(late.alerts.map((a) => a.code)).toEqual(['REFERRAL_UNANSWERED']);
    expect(late.steps.find((s) => s.kind === 'MEASURE')).toMatchObject({
      executorAgency: 'HEALTH',
      followsFrom: ['social_protection:Programme:pr'],
    });
    expect(late.steps.map((s) => s.period.startsOn)).toEqual([...late.steps.map((s) => s.period.startsOn)].sort());
  });
});
