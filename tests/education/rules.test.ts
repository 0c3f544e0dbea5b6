import { DomainError } from '../../subgraphs/kit/platform/errors';
import { EarlyHelpProgramStatus } from '../../subgraphs/education/early-help/early-help-program.entity';
import { EarlyHelpSessionStatus } from '../../subgraphs/education/early-help/early-help-session.entity';
import { checkEarlyHelpProgram, checkEarlyHelpSession, earlyHelpEndsBy } from '../../subgraphs/education/early-help/early-help.rules';
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

const program = {
  childBirthDate: '2024-02-10',
  startDate: '2025-03-01',
  endDate: '2027-02-09',
  goals: ['Развитие речи'],
  hoursPerMonth: 8,
  naturalLifeSituations: ['игра'],
};

test('an early-help programme starts for a child under 3 and ends by the day before the third birthday (seed 003 §8.2)', () => {
  expect(() => checkEarlyHelpProgram(program)).not.toThrow();
  expect(earlyHelpEndsBy('2024-02-10')).toBe('2027-02-09');
  expect(earlyHelpEndsBy('2024-02-29')).toBe('2027-02-27');
});

test('no early-help programme for a child who is 3 on the start date (seed 003 §8.2)', () => {
  const error = refusal(() =>
    checkEarlyHelpProgram({ ...program, childBirthDate: '2022-03-01', startDate: '2025-03-01', endDate: '2025-06-01' }),
  );
  expect(error.code).toBe('RULE_VIOLATION');
  expect(error.extensions.rule).toBe('seed 003 §8.2');
  // One day before the third birthday is still early help.
  expect(() =>
    checkEarlyHelpProgram({ ...program, childBirthDate: '2022-03-02', startDate: '2025-03-01', endDate: '2025-03-01' }),
  ).not.toThrow();
});

test('an early-help programme running past the third birthday, with no goals or no natural life situations, is refused (seed 003 §8.4)', () => {
  expect(refusal(() => checkEarlyHelpProgram({ ...program, endDate: '2027-02-10' })).extensions.field).toBe('endDate');
  expect(refusal(() => checkEarlyHelpProgram({ ...program, goals: [] })).extensions.field).toBe('goals');
  expect(refusal(() => checkEarlyHelpProgram({ ...program, naturalLifeSituations: [] })).extensions.field).toBe('naturalLifeSituations');
  expect(refusal(() => checkEarlyHelpProgram({ ...program, hoursPerMonth: 0 })).code).toBe('BAD_USER_INPUT');
  expect(refusal(() => checkEarlyHelpProgram({ ...program, endDate: '2025-02-01' })).code).toBe('BAD_USER_INPUT');
});

test('a session lies within its programme, is not done in the future, and is not planned in a closed programme', () => {
  const p = { startDate: '2025-03-01', endDate: '2027-02-09', status: EarlyHelpProgramStatus.ACTIVE };
  const s = { date: '2026-11-03', status: EarlyHelpSessionStatus.MISSED, specialistPost: 'учитель-логопед' };
  expect(() => checkEarlyHelpSession(p, s, '2026-11-23')).not.toThrow();
  expect(refusal(() => checkEarlyHelpSession(p, { ...s, date: '2025-01-01' }, '2026-11-23')).extensions.field).toBe('date');
  expect(
    refusal(() => checkEarlyHelpSession(p, { ...s, date: '2026-12-01', status: EarlyHelpSessionStatus.DONE }, '2026-11-23')).extensions
      .field,
  ).toBe('status');
  expect(
    refusal(() =>
      checkEarlyHelpSession(
        { ...p, status: EarlyHelpProgramStatus.COMPLETED },
        { ...s, date: '2026-12-01', status: EarlyHelpSessionStatus.PLANNED },
        '2026-11-23',
      ),
    ).code,
  ).toBe('ILLEGAL_TRANSITION');
});

test('an enrolment ending before it starts is refused; an inclusive class cites a PMPK conclusion (issue 5)', () => {
  const e = { form: EducationForm.INCLUSIVE_CLASS, fromDate: '2025-09-01', toDate: null, pmpkConclusionId: 'x' };
  expect(() => checkEnrolment(e)).not.toThrow();
  expect(refusal(() => checkEnrolment({ ...e, toDate: '2025-08-31' })).extensions.field).toBe('toDate');
  expect(refusal(() => checkEnrolment({ ...e, pmpkConclusionId: null })).extensions.field).toBe('pmpkConclusionId');
  expect(() => checkEnrolment({ ...e, form: EducationForm.REGULAR, pmpkConclusionId: null })).not.toThrow();
});

test('a PMPK conclusion is not dated in the future and expires after it is issued', () => {
  const c = { number: '1', date: '2026-01-10', validUntil: '2027-01-10', conditions: ['TUTOR'] };
  expect(() => checkPmpkConclusion(c, '2026-11-23')).not.toThrow();
  expect(refusal(() => checkPmpkConclusion({ ...c, date: '2026-12-01' }, '2026-11-23')).extensions.field).toBe('date');
  expect(refusal(() => checkPmpkConclusion({ ...c, validUntil: '2025-01-01' }, '2026-11-23')).extensions.field).toBe('validUntil');
  expect(refusal(() => checkPmpkConclusion({ ...c, conditions: ['TUTOR', 'TUTOR'] }, '2026-11-23')).extensions.field).toBe('conditions');
});

test('vocational guidance starts at 14 (seed 003 §4.3)', () => {
  const g = { birthDate: '2012-11-23', date: '2026-11-23', recommendation: 'Оператор ЭВМ' };
  expect(() => checkVocationalGuidance(g, '2026-11-23')).not.toThrow();
  const error = refusal(() => checkVocationalGuidance({ ...g, birthDate: '2012-11-24' }, '2026-11-23'));
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
    status: EarlyHelpProgramStatus.ACTIVE,
    idempotencyKey: null,
  };
  const records = { programs: [p], sessions: [], conclusions: [], enrolments: [], guidance: [] };
  const soon = buildEducationRoute('c', '2024-01-10', records, '2026-11-23');
  expect(soon.alerts.map((a) => a.code)).toEqual(['EARLY_HELP_AGE_LIMIT']);
  expect(soon.steps[0]).toMatchObject({ kind: 'EARLY_HELP_PROGRAMME', status: 'IN_PROGRESS' });
  // Masha (born 2024-02-10) turns 3 in 79 days: no alert yet.
  expect(buildEducationRoute('c', '2024-02-10', records, '2026-11-23').alerts).toEqual([]);
});
