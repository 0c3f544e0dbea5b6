import { ErrorCode } from '../../subgraphs/kit/platform/errors';
import { ProductionCalendar } from '../../subgraphs/social-protection/calendar/production-calendar';
import { RUSSIA_2025_2026 } from '../../subgraphs/social-protection/calendar/russia-2025-2026';
import { NeedDomain as D, type NeedFinding } from '../../subgraphs/social-protection/needs-assessment/needs-assessment.entity';
import {
  assertAssessedBeforeStage,
  assertLivingConditionsAct,
  assertMeasureAnswersFoundNeeds,
  assertMeetingDate,
  assertSurvey,
  latestAssessment,
  unansweredNeeds,
} from '../../subgraphs/social-protection/needs-assessment/needs-assessment.rules';
import { buildSupportRoute } from '../../subgraphs/social-protection/support-case/route';
import { SupportStage as S } from '../../subgraphs/social-protection/support-case/stages';
import { refusal } from '../support/refusal';

const finding = (domain: D, needed: boolean, text = 'найдено'): NeedFinding => ({ domain, needed, finding: text });
const surveyed = { surveyedOn: '2026-02-10', findings: [finding(D.MEDICAL, true), finding(D.PEDAGOGICAL, true), finding(D.LEGAL, false)] };

describe('needs assessment (seed 003 §16.3, §19; seed 004 §5.1.3)', () => {
  test('the meeting is agreed after the signal and may lie ahead (seed 003 §16.3)', () => {
    expect(() => assertMeetingDate('2026-02-20', '2026-02-02')).not.toThrow();
    expect(refusal(() => assertMeetingDate('2026-01-30', '2026-02-02')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('the survey is held at the agreed meeting, not before it, and records findings per area once each (seed 003 §19)', () => {
    expect(() => assertSurvey(surveyed, '2026-02-10', '2026-02-11')).not.toThrow();
    const early = refusal(() => assertSurvey(surveyed, '2026-02-12', '2026-02-13'));
    expect(early).toMatchObject({ code: ErrorCode.RULE_VIOLATION });
    expect(early.extensions.rule).toBe('seed 003 §19');
    expect(refusal(() => assertSurvey(surveyed, '2026-02-10', '2026-02-09')).code).toBe(ErrorCode.BAD_USER_INPUT); // in the future
    expect(refusal(() => assertSurvey({ surveyedOn: '2026-02-10', findings: [] }, '2026-02-10', '2026-02-11')).code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    const twice = { surveyedOn: '2026-02-10', findings: [finding(D.MEDICAL, true), finding(D.MEDICAL, false)] };
    expect(refusal(() => assertSurvey(twice, '2026-02-10', '2026-02-11')).code).toBe(ErrorCode.BAD_USER_INPUT);
    const blank = { surveyedOn: '2026-02-10', findings: [finding(D.MEDICAL, true, '  ')] };
    expect(refusal(() => assertSurvey(blank, '2026-02-10', '2026-02-11')).code).toBe(ErrorCode.BAD_USER_INPUT);
  });

  test('the act of the survey of the home records a past survey with its findings (seed 004 §5.1.3, §3.2.5)', () => {
    expect(() => assertLivingConditionsAct({ drawnUpOn: '2026-02-05', findings: 'без пандуса' }, '2026-02-02', '2026-02-10')).not.toThrow();
    expect(refusal(() => assertLivingConditionsAct({ drawnUpOn: '2026-02-11', findings: 'x' }, '2026-02-02', '2026-02-10')).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
    expect(refusal(() => assertLivingConditionsAct({ drawnUpOn: '2026-02-05', findings: ' ' }, '2026-02-02', '2026-02-10')).code).toBe(
      ErrorCode.BAD_USER_INPUT,
    );
  });

  test('a case enters NEEDS_ASSESSED only with a survey recorded, not before its day (seed 003 §19)', () => {
    const none = refusal(() => assertAssessedBeforeStage(S.NEEDS_ASSESSED, '2026-02-10', null));
    expect(none).toMatchObject({ code: ErrorCode.RULE_VIOLATION });
    expect(none.extensions.rule).toBe('seed 003 §19');
    expect(refusal(() => assertAssessedBeforeStage(S.NEEDS_ASSESSED, '2026-02-10', { surveyedOn: null, findings: [] })).code).toBe(
      ErrorCode.RULE_VIOLATION,
    );
    expect(refusal(() => assertAssessedBeforeStage(S.NEEDS_ASSESSED, '2026-02-09', surveyed)).code).toBe(ErrorCode.RULE_VIOLATION);
    expect(() => assertAssessedBeforeStage(S.NEEDS_ASSESSED, '2026-02-10', surveyed)).not.toThrow();
    // Other moves are not gated by the assessment.
    expect(() => assertAssessedBeforeStage(S.CONTACTED, '2026-02-10', null)).not.toThrow();
    expect(() => assertAssessedBeforeStage(S.DECLINED, '2026-02-10', null)).not.toThrow();
  });

  test('a measure answers needs the survey found; the needs no measure answers are listed (seed 003 §19, §30)', () => {
    expect(() => assertMeasureAnswersFoundNeeds([D.MEDICAL], surveyed)).not.toThrow();
    expect(refusal(() => assertMeasureAnswersFoundNeeds([D.LEGAL], surveyed)).code).toBe(ErrorCode.RULE_VIOLATION); // found not needed
    expect(refusal(() => assertMeasureAnswersFoundNeeds([D.MEDICAL], null)).code).toBe(ErrorCode.RULE_VIOLATION); // no survey
    expect(() => assertMeasureAnswersFoundNeeds([], null)).not.toThrow();
    expect(unansweredNeeds(surveyed, [D.MEDICAL])).toEqual([D.PEDAGOGICAL]);
    expect(unansweredNeeds(null, [])).toEqual([]);
  });

  test("the latest assessment is the case's: by meeting day, then by recording", () => {
    const a = { id: 'a', meetingOn: '2026-02-10', recordedAt: new Date('2026-02-01T00:00:00Z') };
    const b = { id: 'b', meetingOn: '2026-03-10', recordedAt: new Date('2026-01-01T00:00:00Z') };
    const c = { id: 'c', meetingOn: '2026-03-10', recordedAt: new Date('2026-03-01T00:00:00Z') };
    expect(latestAssessment([a, c, b])?.id).toBe('c');
    expect(latestAssessment([])).toBeNull();
  });
});

describe('the assessment in the family route (route convention; seed 003 §16.3, §19)', () => {
  const calendar = new ProductionCalendar(RUSSIA_2025_2026);
  const supportCase = {
    id: 'case-1',
    familyId: 'f',
    personId: 'p',
    stage: S.CONTACTED,
    operatorOrganizationId: 'org',
    territoryOktmo: '25701000',
    coordinatorSubject: 'c',
    coordinatorPost: 'куратор',
    openedOn: '2026-02-02',
    stageEnteredOn: '2026-02-04',
    appealedOn: null,
    signalId: 'sig-1',
    conclusion: null,
    closedOn: null,
  };
  const assessment = (over: object) => ({
    id: 'na-1',
    caseId: 'case-1',
    personId: 'p',
    meetingOn: '2026-02-06',
    surveyedOn: null,
    findings: [],
    actKind: null,
    actDrawnUpOn: null,
    actFindings: null,
    recordedBySubject: 'c',
    recordedAt: new Date('2026-02-04T03:00:00Z'),
    ...over,
  });
  const route = (a: object, today: string) =>
    buildSupportRoute(
      {
        personId: 'p',
        cases: [supportCase] as any,
        transitions: [],
        signals: [],
        programmes: [],
        measures: [],
        referrals: [],
        assessments: [assessment(a)] as any,
      },
      () => calendar,
      today,
    ).steps.find((s) => s.kind === 'NEEDS_ASSESSMENT');

  test('the agreed meeting is a planned step due on its day, OVERDUE once the day passed without a survey', () => {
    expect(route({}, '2026-02-05')).toMatchObject({
      id: 'social_protection:NeedsAssessment:na-1',
      status: 'PLANNED',
      dueOn: '2026-02-06',
      recordType: 'NeedsAssessment',
      followsFrom: ['social_protection:Signal:sig-1'],
    });
    expect(route({}, '2026-02-09')?.status).toBe('OVERDUE');
  });

  test('the survey makes it DONE, titled with the needs found and the act', () => {
    const done = route(
      {
        surveyedOn: '2026-02-06',
        findings: [finding(D.MEDICAL, true), finding(D.LEGAL, false)],
        actKind: 'MATERIAL_LIVING_CONDITIONS',
        actDrawnUpOn: '2026-02-06',
        actFindings: 'x',
      },
      '2026-02-09',
    );
    expect(done).toMatchObject({ status: 'DONE', dueOn: null, period: { startsOn: '2026-02-06', endsOn: '2026-02-06' } });
    expect(done?.title).toContain('медицинская помощь');
    expect(done?.title).not.toContain('юридическая');
    expect(done?.title).toContain('акт обследования');
  });
});
