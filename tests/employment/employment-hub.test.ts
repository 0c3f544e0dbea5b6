import { randomUUID } from 'node:crypto';
import { today } from '../../subgraphs/kit/platform/clock';
import { encodeCursor } from '../../subgraphs/kit/platform/connection';
import { createContext } from '../../subgraphs/kit/platform/context';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import type { DomainError } from '../../subgraphs/kit/platform/errors';
import { Role } from '../../subgraphs/kit/policy/roles';
import { daysFromToday as day } from '../../subgraphs/kit/demo/dates';
import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { DEMO_FAMILIES, DEMO_PEOPLE as P } from '../../subgraphs/kit/demo/people';
import { DEMO_EMPLOYMENT_IDS } from '../../subgraphs/employment/data/demo-data';
import { JobSeekerRegistration } from '../../subgraphs/employment/job-seeker/job-seeker-registration.entity';
import { JobPlacement } from '../../subgraphs/employment/placement/job-placement.entity';
import { QuotaJob } from '../../subgraphs/employment/quota-job/quota-job.entity';
import { SocialEmployment } from '../../subgraphs/employment/social-employment/social-employment.entity';
import { VocationalTraining } from '../../subgraphs/employment/vocational-training/vocational-training.entity';
import { education } from '../../subgraphs/education/subgraph';
import { employment } from '../../subgraphs/employment/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
let specialist: string;
beforeAll(async () => {
  // The real gateway over HTTP with the subgraphs these scenarios cross: social protection (people, families,
  // consents), education and employment — each on its own fresh database.
  hub = await startTestHub({ modules: [socialProtection, education, employment] });
  specialist = await hub.token({ role: 'SPECIALIST', agency: 'EMPLOYMENT', organizationId: ORG.bratskEmploymentCentre.id });
});
afterAll(() => hub?.stop());

/** Rows of an entity in the employment database, read directly (not through the hub). */
const count = (entity: new () => object) => hub.subgraphs.employment.database.orm.em.fork().count(entity);

const SERGEY = `query($id: ID!) { person(id: $id) { id
  socialEmployment { totalCount edges { node { organization { id } activity period { startsOn endsOn } workAbilityLimitationDegree } } }
  jobSeekerRegistrations(first: 5) { edges { node { status registeredOn } } pageInfo { hasNextPage } }
  employmentRoute { steps { kind status followsFrom } alerts { code } } } }`;

test('an employment specialist reads Sergey’s social employment and job-seeker registration (seed 003 §29)', async () => {
  const result = await hub.query(specialist, SERGEY, { id: globalId('Person', P.sergeyPetrov.id) });
  expect(result.errors).toBeUndefined();
  const person = result.data?.person;
  expect(person.socialEmployment.totalCount).toBe(1);
  expect(person.socialEmployment.edges.map((e: any) => e.node)).toEqual([
    {
      organization: { id: globalId('Organization', ORG.bratskEmploymentCentre.id) },
      activity: expect.any(String),
      period: { startsOn: day(-53), endsOn: day(311) },
      workAbilityLimitationDegree: 3,
    },
  ]);
  // Registered 70 days ago and not placed: more than 30 days without an offer.
  expect(person.jobSeekerRegistrations.edges.map((e: any) => e.node)).toEqual([{ status: 'ACTIVE', registeredOn: day(-70) }]);
  expect(person.jobSeekerRegistrations.pageInfo.hasNextPage).toBe(false);
  expect(person.employmentRoute.steps.map((s: any) => s.kind)).toEqual(['JOB_SEEKER_REGISTRATION', 'SOCIAL_EMPLOYMENT']);
  expect(person.employmentRoute.steps[1].followsFrom).toEqual([
    `employment:JobSeekerRegistration:${DEMO_EMPLOYMENT_IDS.sergeyRegistration}`,
  ]);
  expect(person.employmentRoute.alerts.map((a: any) => a.code)).toEqual(['JOB_SEEKER_NO_OFFER']);
});

test('the Petrov coordinator gets CONSENT_REQUIRED for Sergey’s employment records: the Petrovs consented to HEALTH and EDUCATION only', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
  const result = await hub.query(
    token,
    `query($id: ID!) { family(id: $id) { displayName members { person { id socialEmployment { totalCount } jobSeekerRegistrations { totalCount } } } } }`,
    { id: globalId('Family', DEMO_FAMILIES.petrov) },
  );
  expect(result.data?.family.displayName).toBe('Петровы');
  const sergey = result.data?.family.members.map((m: any) => m.person).find((p: any) => p?.id === globalId('Person', P.sergeyPetrov.id));
  expect(sergey?.socialEmployment ?? null).toBeNull();
  const codes = new Set(result.errors?.map((e) => e.extensions?.code));
  expect([...codes]).toEqual(['CONSENT_REQUIRED']);
  expect(result.errors?.some((e) => e.path?.includes('socialEmployment'))).toBe(true);
});

test('an education specialist cannot read employment records (FORBIDDEN)', async () => {
  const token = await hub.token({ role: 'SPECIALIST', agency: 'EDUCATION', organizationId: ORG.bratskEarlyHelp.id });
  const result = await hub.query(token, `query($id: ID!) { person(id: $id) { id socialEmployment { totalCount } } }`, {
    id: globalId('Person', P.sergeyPetrov.id),
  });
  expect(result.data?.person?.socialEmployment ?? null).toBeNull();
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

const START = `mutation($input: StartSocialEmploymentInput!) { startSocialEmployment(input: $input) {
  socialEmployment { id workAbilityLimitationDegree } userErrors { code message field rule } } }`;
const socialInput = {
  personId: globalId('Person', P.sergeyPetrov.id),
  organizationId: globalId('Organization', ORG.bratskEmploymentCentre.id),
  activity: 'Работа в теплице с сопровождением',
  period: { startsOn: '2026-12-01', endsOn: '2027-11-30' },
  workAbilityLimitationDegree: 3,
};

test('social employment without the 3rd degree is refused citing seed 003 §29, and nothing is written', async () => {
  const before = await count(SocialEmployment);
  const result = await hub.query(specialist, START, { input: { ...socialInput, workAbilityLimitationDegree: 2 } });
  expect(result.errors).toBeUndefined();
  expect(result.data?.startSocialEmployment.socialEmployment).toBeNull();
  expect(result.data?.startSocialEmployment.userErrors).toEqual([
    { code: 'RULE_VIOLATION', message: expect.any(String), rule: 'seed 003 §29', field: ['input', 'workAbilityLimitationDegree'] },
  ]);
  expect(await count(SocialEmployment)).toBe(before);
});

test('a period ending before it starts, or a malformed organization id, is BAD_USER_INPUT with nothing written', async () => {
  const before = await count(SocialEmployment);
  const trainingsBefore = await count(VocationalTraining);
  const backwards = await hub.query(specialist, START, {
    input: { ...socialInput, period: { startsOn: '2026-12-01', endsOn: '2026-11-30' } },
  });
  expect(backwards.data?.startSocialEmployment.userErrors).toMatchObject([
    { code: 'BAD_USER_INPUT', field: ['input', 'period', 'endsOn'] },
  ]);
  const badOrg = await hub.query(specialist, START, { input: { ...socialInput, organizationId: 'czn-bratsk' } });
  expect(badOrg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', argument: 'input.organizationId' });
  const training = await hub.query(
    specialist,
    `mutation($input: EnrolInVocationalTrainingInput!) { enrolInVocationalTraining(input: $input) { vocationalTraining { id } userErrors { code field } } }`,
    {
      input: {
        personId: globalId('Person', P.sergeyPetrov.id),
        programme: 'Оператор ЭВМ',
        organizationId: globalId('Organization', ORG.bratskEmploymentCentre.id),
        period: { startsOn: '2027-02-01', endsOn: '2027-01-01' },
      },
    },
  );
  expect(training.data?.enrolInVocationalTraining).toEqual({
    vocationalTraining: null,
    userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'period', 'endsOn'] }],
  });
  expect(await count(SocialEmployment)).toBe(before);
  expect(await count(VocationalTraining)).toBe(trainingsBefore);
});

test('a social employment with the 3rd degree is recorded, once per idempotency key', async () => {
  const input = { ...socialInput, idempotencyKey: 'sergey-se-2026-12' };
  const first = await hub.query(specialist, START, { input });
  expect(first.errors).toBeUndefined();
  expect(first.data?.startSocialEmployment.userErrors).toEqual([]);
  const again = await hub.query(specialist, START, { input });
  expect(again.data?.startSocialEmployment.socialEmployment.id).toBe(first.data?.startSocialEmployment.socialEmployment.id);
  expect(await count(SocialEmployment)).toBe(2);
});

const PLACE = `mutation($input: PlaceOnJobInput!) { placeOnJob(input: $input) {
  jobPlacement { id employerName specialMeasures withCadreCentre quotaJob { id } }
  quotaJob { filled } jobSeekerRegistration { status closedOn } userErrors { code field } } }`;

test('a placement on a quota job takes a place and closes the job-seeker registration as PLACED (181-FZ art. 20–21, seed 003 §28)', async () => {
  const result = await hub.query(specialist, PLACE, {
    input: {
      personId: globalId('Person', P.sergeyPetrov.id),
      organizationId: globalId('Organization', ORG.bratskEmploymentCentre.id),
      quotaJobId: globalId('QuotaJob', DEMO_EMPLOYMENT_IDS.bratskQuotaJob),
      position: 'Оператор ЭВМ',
      period: { startsOn: today() },
      specialMeasures: ['WORKPLACE_ADAPTATION'],
      withCadreCentre: true,
    },
  });
  expect(result.errors).toBeUndefined();
  expect(result.data?.placeOnJob.jobPlacement.specialMeasures).toEqual(['QUOTA_JOB', 'WORKPLACE_ADAPTATION']);
  expect(result.data?.placeOnJob.jobPlacement.quotaJob).toEqual({ id: globalId('QuotaJob', DEMO_EMPLOYMENT_IDS.bratskQuotaJob) });
  expect(result.data?.placeOnJob.quotaJob).toEqual({ filled: 2 });
  expect(result.data?.placeOnJob.jobSeekerRegistration).toEqual({ status: 'PLACED', closedOn: today() });
  const em = hub.subgraphs.employment.database.orm.em.fork();
  expect((await em.findOneOrFail(QuotaJob, { id: DEMO_EMPLOYMENT_IDS.bratskQuotaJob })).filled).toBe(2);
  expect((await em.findOneOrFail(JobSeekerRegistration, { id: DEMO_EMPLOYMENT_IDS.sergeyRegistration })).status).toBe('PLACED');
});

test('a placement ending before it starts is refused and neither the quota nor the registration changes', async () => {
  const em = hub.subgraphs.employment.database.orm.em.fork();
  const filled = (await em.findOneOrFail(QuotaJob, { id: DEMO_EMPLOYMENT_IDS.bratskQuotaJob })).filled;
  const placements = await count(JobPlacement);
  const result = await hub.query(specialist, PLACE, {
    input: {
      personId: globalId('Person', P.olgaPetrova.id),
      organizationId: globalId('Organization', ORG.bratskEmploymentCentre.id),
      quotaJobId: globalId('QuotaJob', DEMO_EMPLOYMENT_IDS.bratskQuotaJob),
      position: 'Учётчик',
      period: { startsOn: '2026-12-01', endsOn: '2026-11-01' },
    },
  });
  expect(result.data?.placeOnJob).toMatchObject({
    jobPlacement: null,
    userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'period', 'endsOn'] }],
  });
  expect(
    (await hub.subgraphs.employment.database.orm.em.fork().findOneOrFail(QuotaJob, { id: DEMO_EMPLOYMENT_IDS.bratskQuotaJob })).filled,
  ).toBe(filled);
  expect(await count(JobPlacement)).toBe(placements);
});

const PAGE = `query($id: ID!, $first: Int, $after: String, $period: PeriodInput) { person(id: $id) {
  socialEmployment(first: $first, after: $after, period: $period) {
    totalCount edges { cursor node { id period { startsOn endsOn } } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;

test('a person’s social employment is a connection: keyset pages in time order, a period window, `first` over 100 refused', async () => {
  // Sergey's demo record (started 53 days ago) and the one recorded above (from 2026-12-01).
  const all = await hub.query(specialist, PAGE, { id: globalId('Person', P.sergeyPetrov.id), first: 10 });
  expect(all.errors).toBeUndefined();
  const nodes = all.data?.person.socialEmployment.edges.map((e: any) => e.node);
  expect(nodes).toHaveLength(2);
  expect(nodes.map((n: any) => n.period.startsOn)).toEqual([...nodes.map((n: any) => n.period.startsOn)].sort());

  const first = await hub.query(specialist, PAGE, { id: globalId('Person', P.sergeyPetrov.id), first: 1 });
  const page1 = first.data?.person.socialEmployment;
  expect(page1.totalCount).toBe(2);
  expect(page1.edges.map((e: any) => e.node.id)).toEqual([nodes[0].id]);
  expect(page1.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: page1.edges[0].cursor });
  const second = await hub.query(specialist, PAGE, {
    id: globalId('Person', P.sergeyPetrov.id),
    first: 1,
    after: page1.pageInfo.endCursor,
  });
  const page2 = second.data?.person.socialEmployment;
  expect(page2.edges.map((e: any) => e.node.id)).toEqual([nodes[1].id]);
  expect(page2.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: true });

  // Only the records whose term overlaps the window. The demo record moves with the day the demo is laid out, so
  // the window is the first record's first day, and what overlaps it is read off the terms themselves.
  const day = nodes[0].period.startsOn as string;
  const overlapping = nodes.filter((n: any) => n.period.startsOn <= day && (n.period.endsOn ?? '9999-12-31') >= day);
  const window = await hub.query(specialist, PAGE, { id: globalId('Person', P.sergeyPetrov.id), period: { startsOn: day, endsOn: day } });
  expect(window.data?.person.socialEmployment.edges.map((e: any) => e.node.id)).toEqual(overlapping.map((n: any) => n.id));
  expect(window.data?.person.socialEmployment.totalCount).toBe(overlapping.length);
  const before = await hub.query(specialist, PAGE, {
    id: globalId('Person', P.sergeyPetrov.id),
    period: { startsOn: '2000-01-01', endsOn: '2000-12-31' },
  });
  expect(before.data?.person.socialEmployment).toMatchObject({ edges: [], totalCount: 0 });

  const tooMany = await hub.query(specialist, PAGE, { id: globalId('Person', P.sergeyPetrov.id), first: 101 });
  expect(tooMany.data?.person.socialEmployment ?? null).toBeNull();
  expect(tooMany.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
  const forged = await hub.query(specialist, PAGE, { id: globalId('Person', P.sergeyPetrov.id), after: 'bm90LWEtY3Vyc29y' });
  expect(forged.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});

const QUOTA_JOBS = `query($oktmo: String!, $first: Int, $after: String) { quotaJobs(territoryOktmo: $oktmo, first: $first, after: $after) {
  totalCount edges { node { id employerName quota filled organization { id } territory { oktmo } } } pageInfo { hasNextPage hasPreviousPage endCursor } } }`;

test('quota jobs of a territory are a keyset connection, for employment specialists only (181-FZ art. 21)', async () => {
  const result = await hub.query(specialist, QUOTA_JOBS, { oktmo: ORG.bratskEmploymentCentre.oktmo, first: 1 });
  expect(result.errors).toBeUndefined();
  const page = result.data?.quotaJobs;
  expect(page.totalCount).toBe(1);
  expect(page.edges.map((e: any) => e.node.id)).toEqual([globalId('QuotaJob', DEMO_EMPLOYMENT_IDS.bratskQuotaJob)]);
  expect(page.edges[0].node.territory).toEqual({ oktmo: ORG.bratskEmploymentCentre.oktmo });
  expect(page.pageInfo).toMatchObject({ hasNextPage: false, hasPreviousPage: false });
  const after = await hub.query(specialist, QUOTA_JOBS, {
    oktmo: ORG.bratskEmploymentCentre.oktmo,
    first: 1,
    after: page.pageInfo.endCursor,
  });
  expect(after.data?.quotaJobs).toMatchObject({ totalCount: 1, edges: [], pageInfo: { hasNextPage: false, hasPreviousPage: true } });

  const forged = encodeCursor([0, 'ООО', 'not-a-uuid']);
  const badCursor = await hub.query(specialist, QUOTA_JOBS, { oktmo: ORG.bratskEmploymentCentre.oktmo, after: forged });
  expect(badCursor.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);

  const coordinator = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
  const refused = await hub.query(coordinator, QUOTA_JOBS, { oktmo: ORG.bratskEmploymentCentre.oktmo });
  expect(refused.data?.quotaJobs ?? null).toBeNull();
  expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

describe('employment records are entities: a batched reference resolver that authorizes like the person’s fields', () => {
  const identity = (role: Role, agency: string | null) => ({
    subject: `test-${role}`,
    role,
    organizationId: ORG.bratskEmploymentCentre.id,
    territoryOktmo: null,
    agency,
    grants: [],
    requestId: randomUUID(),
  });
  const contextFor = (role: Role, agency: string | null) =>
    createContext('employment', identity(role, agency), hub.subgraphs.employment.database.orm.em as never);
  const resolve = (ctx: ReturnType<typeof contextFor>, type: string, id: string) =>
    (employment.referenceResolvers![type].__resolveReference as (ref: { id: string }, ctx: unknown) => Promise<any>)({ id }, ctx);
  const refusalCode = async (work: Promise<unknown>) =>
    work.then(
      () => 'none',
      (error: DomainError) => error.code,
    );

  test('an employment specialist refetches records by id, several of a type with one statement; an unknown id is null', async () => {
    const ctx = contextFor(Role.SPECIALIST, 'EMPLOYMENT');
    const statements = hub.subgraphs.employment.database.statements.count;
    const [registration, social, missing] = await Promise.all([
      resolve(ctx, 'JobSeekerRegistration', DEMO_EMPLOYMENT_IDS.sergeyRegistration),
      resolve(ctx, 'SocialEmployment', DEMO_EMPLOYMENT_IDS.sergeySocialEmployment),
      resolve(ctx, 'SocialEmployment', randomUUID()),
    ]);
    expect(hub.subgraphs.employment.database.statements.count - statements).toBeLessThanOrEqual(2);
    expect(registration).toMatchObject({ id: DEMO_EMPLOYMENT_IDS.sergeyRegistration, personId: P.sergeyPetrov.id });
    expect(social).toMatchObject({ id: DEMO_EMPLOYMENT_IDS.sergeySocialEmployment, workAbilityLimitationDegree: 3 });
    expect(missing).toBeNull();
    expect(await resolve(ctx, 'QuotaJob', DEMO_EMPLOYMENT_IDS.bratskQuotaJob)).toMatchObject({ quota: 3 });
  });

  test('another agency’s specialist and a coordinator without the person’s signed grant are refused with FORBIDDEN', async () => {
    const education = contextFor(Role.SPECIALIST, 'EDUCATION');
    expect(await refusalCode(resolve(education, 'SocialEmployment', DEMO_EMPLOYMENT_IDS.sergeySocialEmployment))).toBe('FORBIDDEN');
    expect(await refusalCode(resolve(education, 'SocialEmployment', randomUUID()))).toBe('FORBIDDEN');
    expect(await refusalCode(resolve(education, 'QuotaJob', DEMO_EMPLOYMENT_IDS.bratskQuotaJob))).toBe('FORBIDDEN');
    const coordinator = contextFor(Role.COORDINATOR, null);
    expect(await refusalCode(resolve(coordinator, 'JobSeekerRegistration', DEMO_EMPLOYMENT_IDS.sergeyRegistration))).toBe('FORBIDDEN');
  });
});
