import { buildHealthRoute, measureStepStatus, type HealthRecords } from '../../subgraphs/health/person/health-route';
import { IpraSection } from '../../subgraphs/health/ipra/ipra-sections';
import { IpraDisabilityGroup, IpraMeasureExecutionStatus as E, type Ipra, type IpraMeasure } from '../../subgraphs/health/ipra/ipra.entity';
import { MseReferralPurpose, MseReferralStatus, type MseReferral } from '../../subgraphs/health/mse/mse-referral.entity';
import { RehabilitationCourseStatus, type RehabilitationCourse } from '../../subgraphs/health/rehabilitation/rehabilitation-course.entity';

const TODAY = '2026-11-23';
const PERSON = '6f1c2a10-0000-4000-8000-0000000000aa';
const CLINIC = '00000000-0000-5000-8000-00000000c1c1';

const ipra = (over: Partial<Ipra> = {}): Ipra =>
  ({
    id: 'ipra-1',
    number: '1.1.38/2026',
    personId: PERSON,
    personSnils: '12345678964',
    issuedOn: '2026-01-15',
    validUntil: '2027-06-01',
    disabilityGroup: IpraDisabilityGroup.II,
    disabilityCause: 'общее заболевание',
    mseBureauName: 'Бюро № 8',
    ...over,
  }) as Ipra;

const measure = (id: string, section: IpraSection, executorAgency: string | null, over: Partial<IpraMeasure> = {}): IpraMeasure =>
  ({
    id,
    ipra: { id: 'ipra-1' },
    personId: PERSON,
    section,
    title: `мера ${id}`,
    periodFrom: '2026-02-01',
    periodTo: '2027-02-01',
    executorAgency,
    executorOrganizationId: CLINIC,
    aidCode: null,
    aidName: null,
    queuedForOwnAid: null,
    executionStatus: E.NOT_STARTED,
    executionReportedOn: null,
    notDoneReason: null,
    ...over,
  }) as unknown as IpraMeasure;

const referral = (id: string, over: Partial<MseReferral>): MseReferral =>
  ({
    id,
    personId: PERSON,
    organizationId: CLINIC,
    referredOn: '2025-12-01',
    purpose: MseReferralPurpose.RE_EXAMINATION,
    status: MseReferralStatus.EXAMINED,
    dueOn: null,
    examinedOn: '2026-01-15',
    nextReExaminationOn: '2027-06-01',
    ...over,
  }) as MseReferral;

const records = (over: Partial<HealthRecords> = {}): HealthRecords => ({
  ipras: [ipra()],
  measures: [],
  referrals: [],
  courses: [],
  ...over,
});
const codes = (r: ReturnType<typeof buildHealthRoute>) => r.alerts.map((a) => `${a.code}:${a.severity}`).sort();

test('the IPRA is a DONE step on its date of issue; each measure follows from it, other agencies named as executors', () => {
  const route = buildHealthRoute(
    PERSON,
    records({
      measures: [
        measure('m1', IpraSection.MEDICAL_REHABILITATION, 'HEALTH'),
        measure('m2', IpraSection.PROFESSIONAL, 'EMPLOYMENT', { executorOrganizationId: null }),
      ],
    }),
    TODAY,
  );
  const [first, ...rest] = route.steps;
  expect(first).toMatchObject({
    id: 'health:Ipra:ipra-1',
    kind: 'IPRA',
    status: 'DONE',
    period: { startsOn: '2026-01-15' },
    agency: 'HEALTH',
    recordType: 'Ipra',
  });
  expect(rest.map((s) => [s.kind, s.executorAgency, s.organizationId, s.followsFrom])).toEqual([
    ['IPRA_MEASURE', null, CLINIC, ['health:Ipra:ipra-1']],
    ['IPRA_MEASURE', 'EMPLOYMENT', null, ['health:Ipra:ipra-1']],
  ]);
  // A professional measure without an executor is the route's cross-agency concern, not health's own alert.
  expect(route.alerts).toEqual([]);
});

test('a measure status comes from the execution reported back and the recommended period', () => {
  const m = (executionStatus: E, periodFrom = '2026-02-01', periodTo = '2027-02-01') =>
    measureStepStatus({ executionStatus, periodFrom, periodTo }, TODAY);
  expect(m(E.DONE, '2025-01-01', '2025-02-01')).toBe('DONE');
  expect(m(E.NOT_DONE)).toBe('DECLINED');
  expect(m(E.IN_PROGRESS)).toBe('IN_PROGRESS');
  expect(m(E.IN_PROGRESS, '2025-01-01', '2026-11-22')).toBe('OVERDUE');
  expect(m(E.NOT_STARTED)).toBe('PLANNED');
  expect(m(E.NOT_STARTED, '2025-01-01', '2026-11-22')).toBe('OVERDUE');
});

test("a health measure without an executor organization is health's alert: critical once its period has begun", () => {
  const route = buildHealthRoute(
    PERSON,
    records({
      measures: [
        measure('now', IpraSection.MEDICAL_REHABILITATION, 'HEALTH', { executorOrganizationId: null }),
        measure('later', IpraSection.SANATORIUM_TREATMENT, 'HEALTH', { executorOrganizationId: null, periodFrom: '2027-01-01' }),
        measure('done', IpraSection.PROSTHETICS, 'HEALTH', { executorOrganizationId: null, executionStatus: E.DONE }),
        measure('social', IpraSection.SOCIAL, 'SOCIAL_PROTECTION', { executorOrganizationId: null }),
      ],
    }),
    TODAY,
  );
  expect(route.alerts.filter((a) => a.code === 'IPRA_MEASURE_NO_EXECUTOR').map((a) => [a.stepId, a.severity])).toEqual([
    ['health:IpraMeasure:now', 'CRITICAL'],
    ['health:IpraMeasure:later', 'WARNING'],
  ]);
});

test('the next re-examination the bureau set becomes a planned step, and an alert within 30 days', () => {
  const due = buildHealthRoute(PERSON, records({ referrals: [referral('r1', { nextReExaminationOn: '2026-12-15' })] }), TODAY);
  const next = due.steps.find((s) => s.id === 'health:MseReExamination:r1');
  expect(next).toMatchObject({ kind: 'MSE_EXAMINATION', status: 'PLANNED', dueOn: '2026-12-15', followsFrom: ['health:MseReferral:r1'] });
  expect(due.alerts).toContainEqual(expect.objectContaining({ code: 'MSE_REEXAMINATION_DUE', severity: 'WARNING', stepId: next!.id }));

  const far = buildHealthRoute(PERSON, records({ referrals: [referral('r1', { nextReExaminationOn: '2027-06-01' })] }), TODAY);
  expect(far.alerts.map((a) => a.code)).not.toContain('MSE_REEXAMINATION_DUE');

  const overdue = buildHealthRoute(PERSON, records({ referrals: [referral('r1', { nextReExaminationOn: '2026-11-01' })] }), TODAY);
  expect(overdue.steps.find((s) => s.id === 'health:MseReExamination:r1')?.status).toBe('OVERDUE');
  expect(overdue.alerts).toContainEqual(expect.objectContaining({ code: 'MSE_REEXAMINATION_DUE', severity: 'CRITICAL' }));
});

test('a referral under way supersedes the earlier date; past its due date it is OVERDUE', () => {
  const route = buildHealthRoute(
    PERSON,
    records({
      referrals: [
        referral('r1', { nextReExaminationOn: '2026-11-20' }),
        referral('r2', {
          referredOn: '2026-11-02',
          status: MseReferralStatus.SENT,
          dueOn: '2026-11-20',
          examinedOn: null,
          nextReExaminationOn: null,
        }),
      ],
    }),
    TODAY,
  );
  expect(route.steps.filter((s) => s.kind === 'MSE_EXAMINATION').map((s) => [s.id, s.status])).toEqual([
    ['health:MseReferral:r1', 'DONE'],
    ['health:MseReferral:r2', 'OVERDUE'],
  ]);
  expect(route.alerts.filter((a) => a.code === 'MSE_REEXAMINATION_DUE').map((a) => a.stepId)).toEqual(['health:MseReferral:r2']);
});

test('an IPRA lapsing within 60 days warns; a lapsed one with no successor is critical', () => {
  expect(codes(buildHealthRoute(PERSON, records({ ipras: [ipra({ validUntil: '2027-01-01' })] }), TODAY))).toEqual([
    'IPRA_EXPIRING:WARNING',
  ]);
  expect(codes(buildHealthRoute(PERSON, records({ ipras: [ipra({ validUntil: '2026-11-01' })] }), TODAY))).toEqual([
    'IPRA_EXPIRING:CRITICAL',
  ]);
  expect(codes(buildHealthRoute(PERSON, records({ ipras: [ipra({ validUntil: null })] }), TODAY))).toEqual([]);
});

test('a rehabilitation course follows from the IPRA measure it executes', () => {
  const course = {
    id: 'c1',
    personId: PERSON,
    organizationId: CLINIC,
    title: 'Курс медицинской реабилитации',
    fromDate: '2026-11-09',
    toDate: '2026-11-27',
    status: RehabilitationCourseStatus.IN_PROGRESS,
    ipraMeasureId: 'm1',
  } as RehabilitationCourse;
  const route = buildHealthRoute(
    PERSON,
    records({ measures: [measure('m1', IpraSection.MEDICAL_REHABILITATION, 'HEALTH')], courses: [course] }),
    TODAY,
  );
  expect(route.steps.find((s) => s.kind === 'REHABILITATION_COURSE')).toMatchObject({
    status: 'IN_PROGRESS',
    organizationId: CLINIC,
    followsFrom: ['health:IpraMeasure:m1'],
    period: { startsOn: '2026-11-09', endsOn: '2026-11-27' },
  });
  const late = buildHealthRoute(PERSON, records({ courses: [{ ...course, toDate: '2026-11-20' } as RehabilitationCourse] }), TODAY);
  expect(late.steps.find((s) => s.kind === 'REHABILITATION_COURSE')?.status).toBe('OVERDUE');
});

test('steps are ordered in time', () => {
  const route = buildHealthRoute(
    PERSON,
    records({
      measures: [measure('m1', IpraSection.SOCIAL, 'SOCIAL_PROTECTION', { periodFrom: '2026-03-01' })],
      referrals: [referral('r1', {})],
    }),
    TODAY,
  );
  const starts = route.steps.map((s) => s.period.startsOn ?? '');
  expect(starts).toEqual([...starts].sort());
});
