import { DomainError } from '../../subgraphs/kit/platform/errors';
import { checkJobSeekerRegistration } from '../../subgraphs/employment/job-seeker/job-seeker.rules';
import { SpecialWorkplaceMeasure } from '../../subgraphs/employment/placement/job-placement.entity';
import { checkPlacement, checkQuotaPlaceFree } from '../../subgraphs/employment/placement/placement.rules';
import { SocialContractMeasureStatus } from '../../subgraphs/employment/social-contract/social-contract-measure.entity';
import { checkSocialContractMeasure } from '../../subgraphs/employment/social-contract/social-contract.rules';
import { checkSocialEmployment } from '../../subgraphs/employment/social-employment/social-employment.rules';
import { assertOrganizationId } from '../../subgraphs/kit/platform/input-rules';
import { JobSeekerStatus } from '../../subgraphs/employment/job-seeker/job-seeker-registration.entity';
import { buildEmploymentRoute } from '../../subgraphs/employment/person/employment-route';

function refusal(fn: () => unknown): DomainError {
  try {
    fn();
  } catch (error) {
    if (error instanceof DomainError) return error;
    throw error;
  }
  throw new Error('expected a DomainError, but nothing was thrown');
}

const social = { workAbilityLimitationDegree: 3, period: { startsOn: '2026-10-01', endsOn: '2027-09-30' }, activity: 'Сборка сувениров' };

test('social employment is for the 3rd degree of limitation of the ability to work only (seed 003 §29, order 605n)', () => {
  expect(() => checkSocialEmployment(social)).not.toThrow();
  const error = refusal(() => checkSocialEmployment({ ...social, workAbilityLimitationDegree: 2 }));
  expect(error.code).toBe('RULE_VIOLATION');
  expect(error.extensions.rule).toBe('seed 003 §29');
  expect(refusal(() => checkSocialEmployment({ ...social, workAbilityLimitationDegree: 4 })).code).toBe('BAD_USER_INPUT');
  expect(
    refusal(() => checkSocialEmployment({ ...social, period: { startsOn: '2026-10-01', endsOn: '2026-09-30' } })).extensions.field,
  ).toBe('period.endsOn');
  expect(refusal(() => checkSocialEmployment({ ...social, period: { startsOn: '2026-10-01' } })).extensions.field).toBe('period.endsOn');
});

test('a quota place is taken only while places remain (181-FZ art. 21, seed 003 §28)', () => {
  expect(() => checkQuotaPlaceFree({ quota: 3, filled: 2, employerName: 'ООО' })).not.toThrow();
  expect(refusal(() => checkQuotaPlaceFree({ quota: 3, filled: 3, employerName: 'ООО' })).code).toBe('RULE_VIOLATION');
});

test('a placement ending before it starts, or on a quota job without naming it, is refused', () => {
  const p = {
    period: { startsOn: '2026-11-01', endsOn: null },
    position: 'Оператор',
    specialMeasures: [SpecialWorkplaceMeasure.WORKPLACE_ADAPTATION],
    quotaJobId: null,
  };
  expect(() => checkPlacement(p)).not.toThrow();
  expect(refusal(() => checkPlacement({ ...p, period: { startsOn: '2026-11-01', endsOn: '2026-10-01' } })).extensions.field).toBe(
    'period.endsOn',
  );
  expect(refusal(() => checkPlacement({ ...p, period: {} })).extensions.field).toBe('period.startsOn');
  expect(refusal(() => checkPlacement({ ...p, specialMeasures: [SpecialWorkplaceMeasure.QUOTA_JOB] })).extensions.field).toBe('quotaJobId');
});

test('a second active job-seeker registration, or one dated in the future, is refused', () => {
  expect(refusal(() => checkJobSeekerRegistration({ registeredOn: '2026-11-01' }, { registeredOn: '2026-09-14' }, '2026-11-23')).code).toBe(
    'CONFLICT',
  );
  expect(refusal(() => checkJobSeekerRegistration({ registeredOn: '2026-12-01' }, null, '2026-11-23')).extensions.field).toBe(
    'registeredOn',
  );
});

test('an organization id that is not a hub uuid is BAD_USER_INPUT', () => {
  expect(refusal(() => assertOrganizationId('centre-42')).code).toBe('BAD_USER_INPUT');
});

test('a social-contract measure period ending before it starts is refused (seed 004 annex 5)', () => {
  const m = {
    contractNumber: 'СК-1',
    measure: 'Поиск работы',
    period: { startsOn: '2026-10-01', endsOn: '2026-12-31' },
    status: SocialContractMeasureStatus.PLANNED,
  };
  expect(() => checkSocialContractMeasure(m, '2026-11-23')).not.toThrow();
  expect(
    refusal(() => checkSocialContractMeasure({ ...m, period: { startsOn: '2026-10-01', endsOn: '2026-09-01' } }, '2026-11-23')).extensions
      .field,
  ).toBe('period.endsOn');
});

test('the route warns about a job seeker registered more than 30 days ago without a placement', () => {
  const registration = {
    id: 'r1',
    personId: 'p',
    organizationId: 'o',
    registeredOn: '2026-09-14',
    status: JobSeekerStatus.ACTIVE,
    closedOn: null,
    idempotencyKey: null,
  };
  const route = buildEmploymentRoute(
    'p',
    { registrations: [registration], placements: [], socialEmployment: [], trainings: [], contractMeasures: [] },
    '2026-11-23',
  );
  expect(route.steps.map((s) => s.kind)).toEqual(['JOB_SEEKER_REGISTRATION']);
  expect(route.alerts.map((a) => a.code)).toEqual(['JOB_SEEKER_NO_OFFER']);
  const fresh = buildEmploymentRoute(
    'p',
    {
      registrations: [{ ...registration, registeredOn: '2026-11-01' }],
      placements: [],
      socialEmployment: [],
      trainings: [],
      contractMeasures: [],
    },
    '2026-11-23',
  );
  expect(fresh.alerts).toEqual([]);
});
