import { DomainError } from '../../subgraphs/kit/platform/errors';
import { EarlyHelpProgrammeStatus } from '../../subgraphs/education/early-help/early-help-programme.entity';
import { EarlyHelpSessionStatus } from '../../subgraphs/education/early-help/early-help-session.entity';
import { checkEarlyHelpProgramme, checkEarlyHelpSession, earlyHelpEndsBy } from '../../subgraphs/education/early-help/early-help.rules';
import { EducationForm } from '../../subgraphs/education/enrolment/enrolment.entity';
import { checkEnrolment } from '../../subgraphs/education/enrolment/enrolment.rules';
import { checkPmpkConclusion } from '../../subgraphs/education/pmpk/pmpk.rules';
import { checkVocationalGuidance } from '../../subgraphs/education/vocational-guidance/vocational-guidance.rules';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

const programme = {
  childBornOn: '2024-02-10',
  period: { startsOn: '2025-03-01', endsOn: '2027-02-09' },
  goals: ['Развитие речи'],
  hoursPerMonth: 8,
  naturalLifeSituations: ['игра'],
};

test('an early-help programme starts for a child under 3 and ends by the day before the third birthday (seed 003 §8.2)', () => {
  expect(checkEarlyHelpProgramme(programme)).toEqual({ startsOn: '2025-03-01', endsOn: '2027-02-09' });
  expect(earlyHelpEndsBy('2024-02-10')).toBe('2027-02-09');
  expect(earlyHelpEndsBy('2024-02-29')).toBe('2027-02-27');
});

test('no early-help programme for a child who is 3 on the start date (seed 003 §8.2)', () => {
  const error = refusal(() =>
    checkEarlyHelpProgramme({ ...programme, childBornOn: '2022-03-01', period: { startsOn: '2025-03-01', endsOn: '2025-06-01' } }),
  );
  expect(error.code).toBe('RULE_VIOLATION');
  expect(error.extensions.rule).toBe('seed 003 §8.2');
  // One day before the third birthday is still early help.
  expect(() =>
    checkEarlyHelpProgramme({ ...programme, childBornOn: '2022-03-02', period: { startsOn: '2025-03-01', endsOn: '2025-03-01' } }),
  ).not.toThrow();
});

test('an early-help programme running past the third birthday, with no goals or no natural life situations, is refused (seed 003 §8.4)', () => {
  const until = (endsOn: string | null) => ({ ...programme, period: { startsOn: '2025-03-01', endsOn } });
  expect(refusal(() => checkEarlyHelpProgramme(until('2027-02-10'))).extensions.field).toBe('period.endsOn');
  expect(refusal(() => checkEarlyHelpProgramme(until(null))).extensions.field).toBe('period.endsOn');
  expect(refusal(() => checkEarlyHelpProgramme({ ...programme, goals: [] })).extensions.field).toBe('goals');
  expect(refusal(() => checkEarlyHelpProgramme({ ...programme, naturalLifeSituations: [] })).extensions.field).toBe(
    'naturalLifeSituations',
  );
  expect(refusal(() => checkEarlyHelpProgramme({ ...programme, hoursPerMonth: 0 })).code).toBe('BAD_USER_INPUT');
  expect(refusal(() => checkEarlyHelpProgramme(until('2025-02-01'))).code).toBe('BAD_USER_INPUT');
});

test('a session lies within its programme, is not done in the future, and is not planned in a closed programme', () => {
  const p = { startDate: '2025-03-01', endDate: '2027-02-09', status: EarlyHelpProgrammeStatus.ACTIVE };
  const s = { heldOn: '2026-11-03', status: EarlyHelpSessionStatus.MISSED, specialistPost: 'учитель-логопед' };
  expect(() => checkEarlyHelpSession(p, s, '2026-11-23')).not.toThrow();
  expect(refusal(() => checkEarlyHelpSession(p, { ...s, heldOn: '2025-01-01' }, '2026-11-23')).extensions.field).toBe('heldOn');
  expect(
    refusal(() => checkEarlyHelpSession(p, { ...s, heldOn: '2026-12-01', status: EarlyHelpSessionStatus.DONE }, '2026-11-23')).extensions
      .field,
  ).toBe('status');
  expect(
    refusal(() =>
      checkEarlyHelpSession(
        { ...p, status: EarlyHelpProgrammeStatus.DONE },
        { ...s, heldOn: '2026-12-01', status: EarlyHelpSessionStatus.PLANNED },
        '2026-11-23',
      ),
    ).code,
  ).toBe('ILLEGAL_TRANSITION');
});

test('an enrolment ending before it starts is refused; an inclusive class cites a PMPK conclusion (issue 5)', () => {
  const e = { form: EducationForm.INCLUSIVE_CLASS, period: { startsOn: '2025-09-01' }, pmpkConclusionId: 'x' };
  expect(checkEnrolment(e)).toEqual({ startsOn: '2025-09-01', endsOn: null });
  expect(refusal(() => checkEnrolment({ ...e, period: { startsOn: '2025-09-01', endsOn: '2025-08-31' } })).extensions.field).toBe(
    'period.endsOn',
  );
  expect(refusal(() => checkEnrolment({ ...e, period: {} })).extensions.field).toBe('period.startsOn');
  expect(refusal(() => checkEnrolment({ ...e, pmpkConclusionId: null })).extensions.field).toBe('pmpkConclusionId');
  expect(() => checkEnrolment({ ...e, form: EducationForm.REGULAR, pmpkConclusionId: null })).not.toThrow();
});

test('a PMPK conclusion is not dated in the future and expires after it is issued', () => {
  const c = { number: '1', issuedOn: '2026-01-10', expiresOn: '2027-01-10', conditions: ['TUTOR'] };
  expect(() => checkPmpkConclusion(c, '2026-11-23')).not.toThrow();
  expect(refusal(() => checkPmpkConclusion({ ...c, issuedOn: '2026-12-01' }, '2026-11-23')).extensions.field).toBe('issuedOn');
  expect(refusal(() => checkPmpkConclusion({ ...c, expiresOn: '2025-01-01' }, '2026-11-23')).extensions.field).toBe('expiresOn');
  expect(refusal(() => checkPmpkConclusion({ ...c, conditions: ['TUTOR', 'TUTOR'] }, '2026-11-23')).extensions.field).toBe('conditions');
});

test('vocational guidance starts at 14 (seed 003 §4.3)', () => {
  const g = { bornOn: '2012-11-23', heldOn: '2026-11-23', recommendation: 'Оператор ЭВМ' };
  expect(() => checkVocationalGuidance(g, '2026-11-23')).not.toThrow();
  const error = refusal(() => checkVocationalGuidance({ ...g, bornOn: '2012-11-24' }, '2026-11-23'));
  expect(error.code).toBe('RULE_VIOLATION');
  expect(error.extensions.rule).toBe('seed 003 §4.3');
});

test('the route asks for transition planning when a child in early help turns 3 within 60 days (seed 003 §8.2)', async () => {
  const { buildEducationRoute } = await import('../../subgraphs/education/person/education-route');
  const p = {
    id: 'p1',
    personId: 'c',
    organizationId: 'o',
    startDate: '2025-03-01',
    endDate: '2027-01-09',
    childBirthDate: '2024-01-10',
    atRisk: true,
    goals: ['g'],
    hoursPerMonth: 8,
    naturalLifeSituations: ['игра'],
    status: EarlyHelpProgrammeStatus.ACTIVE,
    idempotencyKey: null,
  };
  const records = { programmes: [p], sessions: [], conclusions: [], enrolments: [], guidance: [] };
  const soon = buildEducationRoute('c', '2024-01-10', records, '2026-11-23');
  expect(soon.alerts.map((a) => a.code)).toEqual(['EARLY_HELP_AGE_LIMIT']);
  expect(soon.steps[0]).toMatchObject({ kind: 'EARLY_HELP_PROGRAMME', status: 'IN_PROGRESS' });
  // Masha (born 2024-02-10) turns 3 in 79 days: no alert yet.
  expect(buildEducationRoute('c', '2024-02-10', records, '2026-11-23').alerts).toEqual([]);
});
