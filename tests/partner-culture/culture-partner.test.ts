import { randomUUID } from 'node:crypto';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { Consent } from '../../subgraphs/social-protection/consent/consent.entity';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { culture } from '../../examples/partner-culture/src/subgraph';
import { SECTIONS } from '../../examples/partner-culture/src/sections/reference-data';
import { RULES } from '../../examples/partner-culture/src/enrolment/enrolment.rules';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * The example partner (examples/partner-culture) behind the real gateway, next to the five agencies: what a
 * partner copies must put its steps into the family route, its places into the resource map, and its
 * accesses into the person's access log, through the kit alone.
 */
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ modules: [...SUBGRAPH_MODULES, culture] });
  // Artyom's mother extends the family's consent to the centre.
  await hub.subgraphs['social-protection'].database.orm.em.fork().insert(Consent, {
    id: randomUUID(),
    person: DEMO_PEOPLE.artyomIvanov.id,
    agencies: ['CULTURE'],
    givenOn: daysFromToday(-30),
    expiresOn: null,
    revokedOn: null,
    signedByPersonId: DEMO_PEOPLE.elenaIvanova.id,
  });
});
afterAll(() => hub?.stop());

const SWIMMING = SECTIONS[0];
const BOCCIA = SECTIONS[1];
const ARTYOM = globalId('Person', DEMO_PEOPLE.artyomIvanov.id);
const specialist = () => hub.token({ role: 'SPECIALIST', agency: 'CULTURE' });
const coordinator = () => hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
const USER_ERRORS = 'userErrors { code field rule }';

const ENROL = `mutation($input: EnrolInSectionInput!) { enrolInSection(input: $input) { enrolment { id enrolledOn leftOn section { name } } ${USER_ERRORS} } }`;
const ATTEND = `mutation($input: RecordSectionAttendanceInput!) { recordSectionAttendance(input: $input) { attendance { attendedOn } ${USER_ERRORS} } }`;
const LEAVE = `mutation($input: LeaveSectionInput!) { leaveSection(input: $input) { enrolment { leftOn } ${USER_ERRORS} } }`;
const ROUTE = `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { route { agencies steps { id agency kind title status period { startsOn endsOn } followsFrom } } } }`;

const enrol = async (personId: string, sectionId: string, idempotencyKey?: string) =>
  hub.query(await specialist(), ENROL, { input: { personId, sectionId, enrolledOn: daysFromToday(-20), idempotencyKey } });
const attend = async (enrolmentId: string, attendedOn: string) =>
  hub.query(await specialist(), ATTEND, { input: { enrolmentId, attendedOn } });
const cultureSteps = async () => {
  const result = await hub.query(await coordinator(), ROUTE);
  expect(result.errors).toBeUndefined();
  return (result.data?.family.route.steps as any[]).filter((s) => s.agency === 'CULTURE');
};

let enrolmentId: string;

test('a centre specialist enrols the demo child, and a retry with the same key answers the same enrolment', async () => {
  const first = await enrol(ARTYOM, SWIMMING.id, 'enrol-artyom-swimming-1');
  expect(first.errors).toBeUndefined();
  expect(first.data?.enrolInSection).toMatchObject({ userErrors: [], enrolment: { leftOn: null, section: { name: SWIMMING.name } } });
  enrolmentId = first.data?.enrolInSection.enrolment.id;
  const retry = await enrol(ARTYOM, SWIMMING.id, 'enrol-artyom-swimming-1');
  expect(retry.data?.enrolInSection.enrolment.id).toBe(enrolmentId);
});

test('attendance is recorded while enrolled; a day before the enrolment or in the future is refused', async () => {
  expect((await attend(enrolmentId, daysFromToday(-13))).data?.recordSectionAttendance.userErrors).toEqual([]);
  expect((await attend(enrolmentId, daysFromToday(-6))).data?.recordSectionAttendance.userErrors).toEqual([]);
  expect((await attend(enrolmentId, daysFromToday(-25))).data?.recordSectionAttendance.userErrors).toEqual([
    { code: 'RULE_VIOLATION', field: ['input', 'attendedOn'], rule: RULES.attendanceWhileEnrolled },
  ]);
  expect((await attend(enrolmentId, daysFromToday(1))).data?.recordSectionAttendance.userErrors).toEqual([
    { code: 'BAD_USER_INPUT', field: ['input', 'attendedOn'], rule: null },
  ]);
});

test("the enrolment and its attendance are steps of the family's route, the attendance following the enrolment", async () => {
  const steps = await cultureSteps();
  expect(steps).toEqual([
    expect.objectContaining({ kind: 'SECTION_ENROLMENT', status: 'IN_PROGRESS', period: { startsOn: daysFromToday(-20), endsOn: null } }),
    expect.objectContaining({
      kind: 'SECTION_ATTENDANCE',
      title: `Посещено занятий: 2 (Адаптивный спорт: ${SWIMMING.name})`,
      period: { startsOn: daysFromToday(-13), endsOn: daysFromToday(-6) },
      followsFrom: [steps[0].id],
    }),
  ]);
});

test("the section's places in use are the active enrolments, on the resource map", async () => {
  const result = await hub.query(
    await hub.token({ role: 'ANALYST' }),
    `{ territory(oktmo: "25701000") { resourceMap { supply { agency name capacityTotal capacityAvailable } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.territory.resourceMap.supply).toContainEqual({
    agency: 'CULTURE',
    name: SWIMMING.name,
    capacityTotal: SWIMMING.capacity,
    capacityAvailable: SWIMMING.capacity - 1,
  });
});

test('a full section refuses the next child with the capacity rule', async () => {
  await hub.subgraphs.culture.database.orm.em.getConnection().execute(`update section set capacity = 1 where id = '${BOCCIA.id}'`);
  expect((await enrol(ARTYOM, BOCCIA.id)).data?.enrolInSection.userErrors).toEqual([]);
  const refused = await enrol(globalId('Person', DEMO_PEOPLE.mashaPetrova.id), BOCCIA.id);
  expect(refused.data?.enrolInSection).toEqual({
    enrolment: null,
    userErrors: [{ code: 'RULE_VIOLATION', field: ['input', 'sectionId'], rule: RULES.capacity }],
  });
});

test('two specialists racing for the last place: one child is enrolled, the other refused, never both', async () => {
  const ART_STUDIO = SECTIONS[4];
  await hub.subgraphs.culture.database.orm.em.getConnection().execute(`update section set capacity = 1 where id = '${ART_STUDIO.id}'`);
  const answers = await Promise.all(
    [DEMO_PEOPLE.sergeyPetrov.id, DEMO_PEOPLE.olgaPetrova.id].map((id) => enrol(globalId('Person', id), ART_STUDIO.id)),
  );
  const codes = answers.map((a) => a.data?.enrolInSection.userErrors.map((e: any) => e.code).join() || 'ENROLLED').sort();
  expect(codes).toEqual(['ENROLLED', 'RULE_VIOLATION']);
});

test('leaving closes the enrolment: the route shows it done, and attendance after it is refused', async () => {
  const left = await hub.query(await specialist(), LEAVE, { input: { enrolmentId, leftOn: daysFromToday(-2) } });
  expect(left.data?.leaveSection).toEqual({ enrolment: { leftOn: daysFromToday(-2) }, userErrors: [] });
  expect((await attend(enrolmentId, daysFromToday(-1))).data?.recordSectionAttendance.userErrors).toEqual([
    { code: 'RULE_VIOLATION', field: ['input', 'attendedOn'], rule: RULES.attendanceWhileEnrolled },
  ]);
  const swimming = (await cultureSteps()).find((s) => s.kind === 'SECTION_ENROLMENT' && s.title.includes(SWIMMING.name));
  expect(swimming).toMatchObject({ status: 'DONE', period: { startsOn: daysFromToday(-20), endsOn: daysFromToday(-2) } });
});

test("the centre's writes and reads are in the child's access log", async () => {
  const result = await hub.query(
    await coordinator(),
    `{ person(id: "${ARTYOM}") { accessLog(first: 100) { edges { node { agency action operation } } } } }`,
  );
  expect(result.errors).toBeUndefined();
  const entries = (result.data?.person.accessLog.edges as any[]).map((e) => e.node).filter((n) => n.agency === 'CULTURE');
  expect(entries).toContainEqual({ agency: 'CULTURE', action: 'WRITE', operation: 'enrolInSection' });
  expect(entries).toContainEqual({ agency: 'CULTURE', action: 'READ', operation: 'Person.cultureRoute' });
});

test("another agency's specialist may not write the centre's records; anyone signed in reads its sections", async () => {
  const health = await hub.token({ role: 'SPECIALIST', agency: 'HEALTH' });
  const refused = await hub.query(health, ENROL, { input: { personId: ARTYOM, sectionId: SWIMMING.id, enrolledOn: daysFromToday(-1) } });
  expect(refused.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  const sections = await hub.query(
    await hub.token({ role: 'ANALYST' }),
    `{ cultureSections(territoryOktmo: "25703000", first: 1) { totalCount edges { node { name } } pageInfo { hasNextPage endCursor } } }`,
  );
  expect(sections.errors).toBeUndefined();
  const angarsk = SECTIONS.filter((s) => s.territoryOktmo === '25703000');
  const first = sections.data?.cultureSections;
  expect(first).toMatchObject({ totalCount: angarsk.length, pageInfo: { hasNextPage: true } });
  const rest = await hub.query(
    await hub.token({ role: 'ANALYST' }),
    `{ cultureSections(territoryOktmo: "25703000", after: "${first.pageInfo.endCursor}") { edges { node { name } } pageInfo { hasNextPage } } }`,
  );
  const names = [...first.edges, ...rest.data!.cultureSections.edges].map((e: any) => e.node.name);
  // Sport first, then culture; every section once across the pages.
  expect(names).toEqual(['Настольный теннис', 'Студия изобразительного искусства']);
  expect(rest.data?.cultureSections.pageInfo.hasNextPage).toBe(false);
});
