import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { today } from '../../subgraphs/kit/platform/clock';
import { addDays, birthdayAt } from '../../subgraphs/kit/platform/dates';
import { addYears, daysFromToday as day } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE as P, demoBirthDate } from '../../subgraphs/kit/demo/people';
import { AuditRecord } from '../../subgraphs/kit/policy/audit';
import { EarlyHelpProgram } from '../../subgraphs/education/early-help/early-help-program.entity';
import { Enrolment } from '../../subgraphs/education/enrolment/enrolment.entity';
import { VocationalGuidance } from '../../subgraphs/education/vocational-guidance/vocational-guidance.entity';
import { DEMO_EDUCATION_IDS } from '../../subgraphs/education/data/demo-data';
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
  specialist = await hub.token({ role: 'SPECIALIST', agency: 'EDUCATION', organizationId: ORG.irkutskSchool.id });
});
afterAll(() => hub?.stop());

/** Rows of an entity in the education database, read directly (not through the hub). */
const count = (entity: new () => object) => hub.subgraphs.education.database.orm.em.fork().count(entity);

const FAMILY_EDUCATION = `query($id: ID!) { family(id: $id) { members { person { id
  enrolments { organizationId level form className fromDate toDate pmpkConclusionId }
  pmpkConclusions { id number recommendedProgram conditions validUntil }
  earlyHelpPrograms { organizationId hoursPerMonth goals naturalLifeSituations atRisk sessions { date status specialistPost } }
  educationRoute { steps { kind status followsFrom } alerts { code severity } } } } } }`;

test('the Ivanov coordinator reads Artyom’s inclusive class and PMPK conclusion through the gateway', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' });
  const result = await hub.query(token, FAMILY_EDUCATION, { id: DEMO_FAMILIES.ivanov });
  expect(result.errors).toBeUndefined();
  const artyom = result.data?.family.members.map((m: any) => m.person).find((p: any) => p.id === P.artyomIvanov.id);
  expect(artyom.enrolments).toEqual([
    {
      organizationId: ORG.irkutskSchool.id,
      level: 'SCHOOL',
      form: 'INCLUSIVE_CLASS',
      className: '2 Б',
      fromDate: day(-448),
      toDate: null,
      pmpkConclusionId: DEMO_EDUCATION_IDS.artyomPmpk,
    },
  ]);
  expect(artyom.pmpkConclusions[0]).toMatchObject({
    number: 'ТПМПК-2024/318',
    recommendedProgram: 'MUSCULOSKELETAL_DISORDERS',
    validUntil: day(38),
  });
  expect(artyom.pmpkConclusions[0].conditions).toContain('TUTOR');
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
  const result = await hub.query(token, FAMILY_EDUCATION, { id: DEMO_FAMILIES.petrov });
  expect(result.errors).toBeUndefined();
  const masha = result.data?.family.members.map((m: any) => m.person).find((p: any) => p.id === P.mashaPetrova.id);
  expect(masha.earlyHelpPrograms).toHaveLength(1);
  expect(masha.earlyHelpPrograms[0]).toMatchObject({ organizationId: ORG.bratskEarlyHelp.id, hoursPerMonth: 8, atRisk: true });
  expect(masha.earlyHelpPrograms[0].sessions.map((s: any) => s.status)).toEqual(['DONE', 'DONE', 'MISSED', 'DONE', 'PLANNED']);
  const kinds = masha.educationRoute.steps.map((s: any) => s.kind);
  expect(kinds.filter((k: string) => k === 'EARLY_HELP_SESSION')).toHaveLength(5);
  expect(kinds).toContain('EARLY_HELP_PROGRAMME');
  expect(masha.educationRoute.alerts.map((a: any) => a.code)).toEqual(['EARLY_HELP_SESSION_MISSED']);
});

const START = `mutation($input: StartEarlyHelpProgramInput!) { startEarlyHelpProgram(input: $input) { id personId status } }`;
const mashaBorn = demoBirthDate('mashaPetrova');
const programInput = {
  personId: P.mashaPetrova.id,
  organizationId: ORG.bratskEarlyHelp.id,
  childBirthDate: mashaBorn,
  startDate: today(),
  endDate: addDays(birthdayAt(mashaBorn, 3), -1),
  goals: ['Самостоятельная ходьба'],
  hoursPerMonth: 6,
  naturalLifeSituations: ['прогулка'],
};

test('no early-help programme for a child of 3 on the start date: RULE_VIOLATION, nothing written (seed 003 §8.2)', async () => {
  const before = await count(EarlyHelpProgram);
  const result = await hub.query(specialist, START, {
    input: { ...programInput, childBirthDate: addYears(today(), -3), endDate: day(38) },
  });
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'seed 003 §8.2' });
  expect(await count(EarlyHelpProgram)).toBe(before);
});

test('an education specialist starts a programme once: a retry with the same key returns it, and the write is audited', async () => {
  const input = { ...programInput, idempotencyKey: 'masha-eh-second' };
  const first = await hub.query(specialist, START, { input });
  expect(first.errors).toBeUndefined();
  const again = await hub.query(specialist, START, { input });
  expect(again.data?.startEarlyHelpProgram.id).toBe(first.data?.startEarlyHelpProgram.id);
  expect(await count(EarlyHelpProgram)).toBe(2);
  const writes = await hub.subgraphs.education.database.orm.em
    .fork()
    .find(AuditRecord, { action: 'WRITE', operation: 'startEarlyHelpProgram' });
  expect(writes).toHaveLength(1);
  expect(writes[0].personIds).toEqual([P.mashaPetrova.id]);
});

const ENROL = `mutation($input: EnrolInput!) { enrol(input: $input) { id form } }`;
const enrolInput = {
  personId: P.artyomIvanov.id,
  organizationId: ORG.irkutskSchool.id,
  level: 'SCHOOL',
  form: 'REGULAR',
  fromDate: day(-83),
};

test('an enrolment ending before it starts, or with a malformed organization id, is refused and nothing is written (issue 5)', async () => {
  const before = await count(Enrolment);
  const backwards = await hub.query(specialist, ENROL, { input: { ...enrolInput, toDate: day(-84) } });
  expect(backwards.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'toDate' });
  const badOrg = await hub.query(specialist, ENROL, { input: { ...enrolInput, organizationId: 'school-7' } });
  expect(badOrg.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'organizationId' });
  const noPmpk = await hub.query(specialist, ENROL, { input: { ...enrolInput, form: 'INCLUSIVE_CLASS' } });
  expect(noPmpk.errors?.[0].extensions).toMatchObject({ code: 'BAD_USER_INPUT', field: 'pmpkConclusionId' });
  expect(await count(Enrolment)).toBe(before);
});

test('vocational guidance under 14 is refused with the seed clause, nothing written (seed 003 §4.3)', async () => {
  const result = await hub.query(
    specialist,
    `mutation($input: RecordVocationalGuidanceInput!) { recordVocationalGuidance(input: $input) { id } }`,
    {
      input: {
        personId: P.artyomIvanov.id,
        organizationId: ORG.irkutskSchool.id,
        date: day(-3),
        birthDate: demoBirthDate('artyomIvanov'),
        recommendation: 'Оператор ЭВМ',
      },
    },
  );
  expect(result.errors?.[0].extensions).toMatchObject({ code: 'RULE_VIOLATION', rule: 'seed 003 §4.3' });
  expect(await count(VocationalGuidance)).toBe(0);
});

test('an employment specialist cannot record education measures (FORBIDDEN)', async () => {
  const token = await hub.token({ role: 'SPECIALIST', agency: 'EMPLOYMENT', organizationId: ORG.bratskEmploymentCentre.id });
  const before = await count(Enrolment);
  const result = await hub.query(token, ENROL, { input: enrolInput });
  expect(result.errors?.[0].extensions?.code).toBe('FORBIDDEN');
  expect(await count(Enrolment)).toBe(before);
});
