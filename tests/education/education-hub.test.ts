import { randomUUID } from 'node:crypto';
import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { today } from '../../subgraphs/kit/platform/clock';
import { addDays, birthdayAt } from '../../subgraphs/kit/platform/dates';
import { addYears, daysFromToday as day } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE as P, demoBirthDate } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { AuditRecord } from '../../subgraphs/kit/policy/audit';
import { EarlyHelpProgramme } from '../../subgraphs/education/early-help/early-help-programme.entity';
import { Enrolment } from '../../subgraphs/education/enrolment/enrolment.entity';
import { PmpkConclusion } from '../../subgraphs/education/pmpk/pmpk-conclusion.entity';
import { VocationalGuidance } from '../../subgraphs/education/vocational-guidance/vocational-guidance.entity';
import { DEMO_EDUCATION_IDS } from '../../subgraphs/education/data/demo-data';
import { education } from '../../subgraphs/education/subgraph';
import { employment } from '../../subgraphs/employment/subgraph';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
let specialist: string;
beforeAll(async () => {
  // The real gateway over HTTP with the subgraphs these scenarios cross: social protection (people, families,
  // consents), education and employment — each on its own fresh database.
  hub = await startTestHub({ modules: [socialProtection, education, employment] });
  specialist = await hub.token({ role: 'SPECIALIST', agency: 'EDUCATION', organizationId: ORG.irkutskSchool.id });
});
afterAll(() => hub?.stop());

/** Rows of an entity in the education database, read directly (not through the hub). */
const count = (entity: new () => object) => hub.subgraphs.education.database.orm.em.fork().count(entity);

const FAMILY_EDUCATION = `query($id: ID!) { family(id: $id) { members { person { id
  enrolments { totalCount edges { node { organization { id } level form className period { startsOn endsOn } pmpkConclusion { id number } } } }
  pmpkConclusions { edges { node { id number recommendedProgramme conditions issuedOn period { endsOn } commission { id } } } }
  earlyHelpProgrammes { edges { node { organization { id } hoursPerMonth goals naturalLifeSituations atRisk
    sessions { totalCount edges { node { heldOn status specialistPost } } } } } }
  educationRoute { steps { kind status followsFrom } alerts { code severity } } } } } }`;

const nodes = (connection: any) => connection.edges.map((e: any) => e.node);
/** Ids as the API gives and takes them (CONVENTIONS §7.4): `<Type>:<uuid>`. */
const family = (id: string) => globalId('Family', id);
const person = (id: string) => globalId('Person', id);
const org = (id: string) => globalId('Organization', id);

test('the Ivanov coordinator reads Artyom’s inclusive class and PMPK conclusion through the gateway', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' });
  const result = await hub.query(token, FAMILY_EDUCATION, { id: family(DEMO_FAMILIES.ivanov) });
  expect(result.errors).toBeUndefined();
  const artyom = result.data?.family.members.map((m: any) => m.person).find((p: any) => p.id === person(P.artyomIvanov.id));
  expect(artyom.enrolments.totalCount).toBe(1);
  expect(nodes(artyom.enrolments)).toEqual([
    {
      organization: { id: org(ORG.irkutskSchool.id) },
      level: 'SCHOOL',
      form: 'INCLUSIVE_CLASS',
      className: '2 Б',
      period: { startsOn: day(-448), endsOn: null },
      pmpkConclusion: { id: globalId('PmpkConclusion', DEMO_EDUCATION_IDS.artyomPmpk), number: 'ТПМПК-2024/318' },
    },
  ]);
  const [conclusion] = nodes(artyom.pmpkConclusions);
  expect(conclusion).toMatchObject({
    number: 'ТПМПК-2024/318',
    recommendedProgramme: 'MUSCULOSKELETAL_DISORDERS',
    issuedOn: day(-713),
    period: { endsOn: day(38) },
    commission: { id: org(ORG.irkutskPmpk.id) },
  });
  expect(conclusion.conditions).toContain('TUTOR');
  // The enrolment follows from the conclusion; the conclusion lapses next month, within the 60 days' warning.
  const enrolmentStep = artyom.educationRoute.steps.find((s: any) => s.kind === 'ENROLMENT');
  expect(enrolmentStep).toMatchObject({
    status: 'IN_PROGRESS',
    followsFrom: [`education:PmpkConclusion:${DEMO_EDUCATION_IDS.artyomPmpk}`],
  });
  expect(artyom.educationRoute.alerts.map((a: any) => a.code)).toContain('PMPK_EXPIRING');
});

test('the Petrov coordinator reads Masha’s early-help programme with its sessions, and the missed one is flagged (seed 003 §8.4)', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
  const result = await hub.query(token, FAMILY_EDUCATION, { id: family(DEMO_FAMILIES.petrov) });
  expect(result.errors).toBeUndefined();
  const masha = result.data?.family.members.map((m: any) => m.person).find((p: any) => p.id === person(P.mashaPetrova.id));
  const programmes = nodes(masha.earlyHelpProgrammes);
  expect(programmes).toHaveLength(1);
  expect(programmes[0]).toMatchObject({ organization: { id: org(ORG.bratskEarlyHelp.id) }, hoursPerMonth: 8, atRisk: true });
  expect(programmes[0].sessions.totalCount).toBe(5);
  expect(nodes(programmes[0].sessions).map((s: any) => s.status)).toEqual(['DONE', 'DONE', 'MISSED', 'DONE', 'PLANNED']);
  const kinds = masha.educationRoute.steps.map((s: any) => s.kind);
  expect(kinds.filter((k: string) => k === 'EARLY_HELP_SESSION')).toHaveLength(5);
  expect(kinds).toContain('EARLY_HELP_PROGRAMME');
  expect(masha.educationRoute.alerts.map((a: any) => a.code)).toEqual(['EARLY_HELP_SESSION_MISSED']);
});

test('sessions page by keyset cursors and filter by a period; more than 100 a page is refused, not cut', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
  const PAGE = `query($id: ID!, $first: Int!, $after: String, $period: PeriodInput) { family(id: $id) { members { person { id
    earlyHelpProgrammes { edges { node { sessions(first: $first, after: $after, period: $period) {
      totalCount edges { cursor node { heldOn } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } } } } } } }`;
  const sessions = async (variables: Record<string, unknown>) => {
    const result = await hub.query(token, PAGE, { id: family(DEMO_FAMILIES.petrov), ...variables });
    const masha = result.data?.family.members.map((m: any) => m.person).find((p: any) => p.id === person(P.mashaPetrova.id));
    return { result, page: masha?.earlyHelpProgrammes?.edges[0]?.node.sessions };
  };
  const first = (await sessions({ first: 2 })).page;
  expect(first.edges.map((e: any) => e.node.heldOn)).toEqual([day(-48), day(-34)]);
  expect(first.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: false, endCursor: first.edges[1].cursor });
  const second = (await sessions({ first: 2, after: first.pageInfo.endCursor })).page;
  expect(second.edges.map((e: any) => e.node.heldOn)).toEqual([day(-20), day(-6)]);
  expect(second.pageInfo).toMatchObject({ hasNextPage: true, hasPreviousPage: true });
  const window = (await sessions({ first: 20, period: { startsOn: day(-30), endsOn: day(0) } })).page;
  expect(window.totalCount).toBe(2);
  expect(window.edges.map((e: any) => e.node.heldOn)).toEqual([day(-20), day(-6)]);
  const tooMany = await sessions({ first: 101 });
  expect(tooMany.result.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

const START = `mutation($input: StartEarlyHelpProgrammeInput!) { startEarlyHelpProgramme(input: $input) {
  earlyHelpProgramme { id person { id } status period { startsOn endsOn } } userErrors { code field rule } } }`;
const mashaBorn = demoBirthDate('mashaPetrova');
const programmeInput = {
  personId: person(P.mashaPetrova.id),
  organizationId: org(ORG.bratskEarlyHelp.id),
  childBornOn: mashaBorn,
  period: { startsOn: today(), endsOn: addDays(birthdayAt(mashaBorn, 3), -1) },
  goals: ['Самостоятельная ходьба'],
  hoursPerMonth: 6,
  naturalLifeSituations: ['прогулка'],
};

test('no early-help programme for a child of 3 on the start date: a RULE_VIOLATION userError, nothing written (seed 003 §8.2)', async () => {
  const before = await count(EarlyHelpProgramme);
  const result = await hub.query(specialist, START, {
    input: { ...programmeInput, childBornOn: addYears(today(), -3), period: { startsOn: today(), endsOn: day(38) } },
  });
  expect(result.errors).toBeUndefined();
  expect(result.data?.startEarlyHelpProgramme).toEqual({
    earlyHelpProgramme: null,
    userErrors: [{ code: 'RULE_VIOLATION', field: ['input', 'childBornOn'], rule: 'seed 003 §8.2' }],
  });
  expect(await count(EarlyHelpProgramme)).toBe(before);
});

test('an education specialist starts a programme once: a retry with the same key returns it, and the write is audited', async () => {
  const input = { ...programmeInput, idempotencyKey: 'masha-eh-second' };
  const first = await hub.query(specialist, START, { input });
  expect(first.errors).toBeUndefined();
  expect(first.data?.startEarlyHelpProgramme).toMatchObject({
    earlyHelpProgramme: { person: { id: person(P.mashaPetrova.id) }, status: 'ACTIVE', period: programmeInput.period },
    userErrors: [],
  });
  const again = await hub.query(specialist, START, { input });
  expect(again.data?.startEarlyHelpProgramme.earlyHelpProgramme.id).toBe(first.data?.startEarlyHelpProgramme.earlyHelpProgramme.id);
  expect(await count(EarlyHelpProgramme)).toBe(2);
  const writes = await hub.subgraphs.education.database.orm.em
    .fork()
    .find(AuditRecord, { action: 'WRITE', operation: 'startEarlyHelpProgramme' });
  expect(writes).toHaveLength(1);
  expect(writes[0].personIds).toEqual([P.mashaPetrova.id]);
});

const ENROL = `mutation($input: EnrolInput!) { enrol(input: $input) { enrolment { id form } userErrors { code field } } }`;
const enrolInput = {
  personId: person(P.artyomIvanov.id),
  organizationId: org(ORG.irkutskSchool.id),
  level: 'SCHOOL',
  form: 'REGULAR',
  period: { startsOn: day(-83) },
};

test('an enrolment ending before it starts, or with a malformed organization id, is refused as a userError and nothing is written (issue 5)', async () => {
  const before = await count(Enrolment);
  const refusal = async (input: Record<string, unknown>) => (await hub.query(specialist, ENROL, { input })).data?.enrol;
  expect(await refusal({ ...enrolInput, period: { startsOn: day(-83), endsOn: day(-84) } })).toEqual({
    enrolment: null,
    userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'period', 'endsOn'] }],
  });
  // A malformed id is refused by the kit's argument guard before the resolver runs: an error, not a userError.
  const badOrg = await hub.query(specialist, ENROL, { input: { ...enrolInput, organizationId: 'school-7' } });
  expect(badOrg.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
  expect((await refusal({ ...enrolInput, form: 'INCLUSIVE_CLASS' })).userErrors).toEqual([
    { code: 'BAD_USER_INPUT', field: ['input', 'pmpkConclusionId'] },
  ]);
  expect(await count(Enrolment)).toBe(before);
});

test('an inclusive class cites the PMPK conclusion: the enrolment has the edge to it, and a retry with the key makes no second one', async () => {
  const ENROL_FULL = `mutation($input: EnrolInput!) { enrol(input: $input) {
    enrolment { id form period { startsOn endsOn } pmpkConclusion { number } person { id } } userErrors { code field } } }`;
  const input = {
    ...enrolInput,
    idempotencyKey: 'artyom-inclusive-2',
    form: 'INCLUSIVE_CLASS',
    period: { startsOn: day(-1), endsOn: day(30) },
    pmpkConclusionId: globalId('PmpkConclusion', DEMO_EDUCATION_IDS.artyomPmpk),
  };
  const before = await count(Enrolment);
  const first = (await hub.query(specialist, ENROL_FULL, { input })).data?.enrol;
  expect(first).toMatchObject({
    enrolment: {
      form: 'INCLUSIVE_CLASS',
      period: { startsOn: day(-1), endsOn: day(30) },
      pmpkConclusion: { number: 'ТПМПК-2024/318' },
      person: { id: person(P.artyomIvanov.id) },
    },
    userErrors: [],
  });
  const again = (await hub.query(specialist, ENROL_FULL, { input })).data?.enrol;
  expect(again.enrolment.id).toBe(first.enrolment.id);
  expect(await count(Enrolment)).toBe(before + 1);
  // The conclusion lapses in 38 days: an enrolment starting after that cannot cite it.
  const late = (await hub.query(specialist, ENROL_FULL, { input: { ...input, idempotencyKey: null, period: { startsOn: day(40) } } })).data
    ?.enrol;
  expect(late).toEqual({ enrolment: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'pmpkConclusionId'] }] });
});

test('a session is recorded in its programme; a programme that does not exist is a NOT_FOUND userError', async () => {
  const RECORD = `mutation($input: RecordEarlyHelpSessionInput!) { recordEarlyHelpSession(input: $input) {
    earlyHelpSession { heldOn status programme { id } person { id } } userErrors { code field } } }`;
  const input = {
    earlyHelpProgrammeId: globalId('EarlyHelpProgramme', DEMO_EDUCATION_IDS.mashaProgramme),
    heldOn: day(-1),
    serviceKind: 'HOME_VISIT',
    specialistPost: 'учитель-дефектолог',
    status: 'DONE',
  };
  const done = (await hub.query(specialist, RECORD, { input })).data?.recordEarlyHelpSession;
  expect(done).toEqual({
    earlyHelpSession: {
      heldOn: day(-1),
      status: 'DONE',
      programme: { id: globalId('EarlyHelpProgramme', DEMO_EDUCATION_IDS.mashaProgramme) },
      person: { id: person(P.mashaPetrova.id) },
    },
    userErrors: [],
  });
  const nowhere = (
    await hub.query(specialist, RECORD, { input: { ...input, earlyHelpProgrammeId: globalId('EarlyHelpProgramme', randomUUID()) } })
  ).data?.recordEarlyHelpSession;
  expect(nowhere).toEqual({ earlyHelpSession: null, userErrors: [{ code: 'NOT_FOUND', field: ['input', 'earlyHelpProgrammeId'] }] });
  // An id of another type is refused by the kit before the resolver runs.
  const wrongType = await hub.query(specialist, RECORD, { input: { ...input, earlyHelpProgrammeId: globalId('Enrolment', randomUUID()) } });
  expect(wrongType.errors?.[0].extensions?.code).toBe('BAD_USER_INPUT');
});

test('a PMPK conclusion is recorded once per key and per commission number', async () => {
  const RECORD = `mutation($input: RecordPmpkConclusionInput!) { recordPmpkConclusion(input: $input) {
    pmpkConclusion { id issuedOn period { startsOn endsOn } recommendedProgramme } userErrors { code field } } }`;
  const input = {
    idempotencyKey: 'artyom-pmpk-2',
    personId: person(P.artyomIvanov.id),
    organizationId: org(ORG.irkutskPmpk.id),
    number: 'ТПМПК-2026/77',
    issuedOn: day(-2),
    recommendedProgramme: 'MUSCULOSKELETAL_DISORDERS',
    conditions: ['TUTOR', 'ACCESSIBLE_ENVIRONMENT'],
    expiresOn: day(700),
  };
  const before = await count(PmpkConclusion);
  const first = (await hub.query(specialist, RECORD, { input })).data?.recordPmpkConclusion;
  expect(first).toMatchObject({ pmpkConclusion: { issuedOn: day(-2), period: { startsOn: day(-2), endsOn: day(700) } }, userErrors: [] });
  const retry = (await hub.query(specialist, RECORD, { input })).data?.recordPmpkConclusion;
  expect(retry.pmpkConclusion.id).toBe(first.pmpkConclusion.id);
  const otherPerson = (
    await hub.query(specialist, RECORD, { input: { ...input, idempotencyKey: null, personId: person(P.mashaPetrova.id) } })
  ).data?.recordPmpkConclusion;
  expect(otherPerson).toEqual({ pmpkConclusion: null, userErrors: [{ code: 'CONFLICT', field: ['input', 'number'] }] });
  expect(await count(PmpkConclusion)).toBe(before + 1);
});

test('vocational guidance under 14 is refused with the seed clause, nothing written (seed 003 §4.3)', async () => {
  const result = await hub.query(
    specialist,
    `mutation($input: RecordVocationalGuidanceInput!) { recordVocationalGuidance(input: $input) { vocationalGuidance { id } userErrors { code rule field } } }`,
    {
      input: {
        personId: person(P.artyomIvanov.id),
        organizationId: org(ORG.irkutskSchool.id),
        heldOn: day(-3),
        bornOn: demoBirthDate('artyomIvanov'),
        recommendation: 'Оператор ЭВМ',
      },
    },
  );
  expect(result.data?.recordVocationalGuidance).toEqual({
    vocationalGuidance: null,
    userErrors: [{ code: 'RULE_VIOLATION', rule: 'seed 003 §4.3', field: ['input', 'bornOn'] }],
  });
  expect(await count(VocationalGuidance)).toBe(0);
});

test('an employment specialist cannot record education measures (FORBIDDEN stays an error)', async () => {
  const token = await hub.token({ role: 'SPECIALIST', agency: 'EMPLOYMENT', organizationId: ORG.bratskEmploymentCentre.id });
  const before = await count(Enrolment);
  const result = await hub.query(token, ENROL, { input: enrolInput });
  expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await count(Enrolment)).toBe(before);
});

describe('education records are entities: refetched by id in one statement, under the policy of the person’s fields', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Enrolment { id form } ... on PmpkConclusion { id number } ... on EarlyHelpProgramme { id hoursPerMonth } } }`;
  const ask = async (identity: Partial<Identity>, representations: object[]) => {
    const requestId = randomUUID();
    const caller: Identity = {
      subject: 'test-caller',
      role: 'SPECIALIST',
      organizationId: ORG.irkutskSchool.id,
      territoryOktmo: null,
      agency: 'EDUCATION',
      grants: [],
      requestId,
      ...identity,
    } as Identity;
    const body = JSON.stringify({ query: ENTITIES, variables: { r: representations } });
    const statements = hub.sqlStatements().education;
    const { body: answer } = await sendToSubgraph(
      hub.subgraphs.education.url,
      new IdentitySigner(hub.keys.gateway.privateJwk).sign(caller, 'education', body),
      body,
    );
    const audit = await hub.subgraphs.education.database.orm.em
      .fork()
      .getConnection()
      .execute<{ action: string; operation: string; person_ids: string[] }[]>(
        'select action, operation, person_ids from audit_record where request_id = ? order by operation',
        [requestId],
      );
    return { answer, audit, statements: hub.sqlStatements().education - statements };
  };

  test('an education specialist refetches an enrolment and a conclusion; the read is audited', async () => {
    const { answer, audit } = await ask({}, [
      { __typename: 'Enrolment', id: globalId('Enrolment', DEMO_EDUCATION_IDS.artyomEnrolment) },
      { __typename: 'PmpkConclusion', id: globalId('PmpkConclusion', DEMO_EDUCATION_IDS.artyomPmpk) },
      { __typename: 'Enrolment', id: randomUUID() },
    ]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual([
      { id: globalId('Enrolment', DEMO_EDUCATION_IDS.artyomEnrolment), form: 'INCLUSIVE_CLASS' },
      { id: globalId('PmpkConclusion', DEMO_EDUCATION_IDS.artyomPmpk), number: 'ТПМПК-2024/318' },
      null,
    ]);
    expect(audit.map((a) => `${a.operation} ${a.action}`)).toEqual(['Enrolment.reference READ', 'PmpkConclusion.reference READ']);
    expect(audit[0].person_ids).toEqual([P.artyomIvanov.id]);
  });

  test('a batch of references of one type is one SQL statement', async () => {
    const one = await ask({}, [{ __typename: 'EarlyHelpProgramme', id: DEMO_EDUCATION_IDS.mashaProgramme }]);
    const { answer, statements } = await ask({}, [
      { __typename: 'EarlyHelpProgramme', id: DEMO_EDUCATION_IDS.mashaProgramme },
      { __typename: 'EarlyHelpProgramme', id: randomUUID() },
      { __typename: 'EarlyHelpProgramme', id: randomUUID() },
    ]);
    expect(answer.data._entities[0]).toEqual({ id: globalId('EarlyHelpProgramme', DEMO_EDUCATION_IDS.mashaProgramme), hoursPerMonth: 8 });
    // Three references cost what one costs: one SELECT for the batch, and the audit of the read.
    expect(statements).toBe(one.statements);
  });

  test('a coordinator and another agency’s specialist are refused with FORBIDDEN, audited as denials', async () => {
    const coordinator = await ask(
      { role: 'COORDINATOR', agency: null, organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' },
      [{ __typename: 'Enrolment', id: DEMO_EDUCATION_IDS.artyomEnrolment }],
    );
    expect(coordinator.answer.data?._entities?.[0] ?? null).toBeNull();
    expect(coordinator.answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
    expect(coordinator.audit.map((a) => `${a.operation} ${a.action}`)).toEqual(['Enrolment.reference DENIED']);
    const health = await ask({ agency: 'HEALTH' }, [{ __typename: 'Enrolment', id: randomUUID() }]);
    expect(health.answer.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  });
});
