import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { DEMO_PEOPLE as P } from '../../subgraphs/kit/demo/people';
import { now, setClock } from '../../subgraphs/kit/platform/clock';
import { organizationId } from '../../subgraphs/kit/domain/stable-id';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { DEMO_SUPPORT } from '../../subgraphs/social-protection/data/demo-support';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 15 §3–§4 through the gateway on real PostgreSQL: a case's needs are assessed at the agreed meeting before it
 * enters NEEDS_ASSESSED (seed 003 §16.3, §19; seed 004 §5.1.3) and its measures name the needs they answer; its
 * coordinator is appointed and transferred with history (seed 001 §3.3(3), seed 003 §33); a multidisciplinary team
 * (seed 003 §32.2) and a request for a remote consultation (seed 003 §32.1).
 */
let hub: TestHub;
let coordinator: string;
let colleague: string;
let head: string;
let angarsk: string;
let partner: string;
let rost: string;
const ROST = organizationId('irk-op-39');

beforeAll(async () => {
  hub = await startTestHub({ modules: [socialProtection] });
  const irkutsk = { organizationId: ORG.irkutskOperator.id, territoryOktmo: '25701000' };
  coordinator = await hub.token({ role: 'COORDINATOR', subject: 'coordinator-irk-1', ...irkutsk });
  colleague = await hub.token({ role: 'COORDINATOR', subject: 'coordinator-irk-2', ...irkutsk });
  head = await hub.token({ role: 'ADMINISTRATOR', subject: 'head-irk', organizationId: ORG.irkutskOperator.id });
  angarsk = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-ang',
    organizationId: ORG.angarskOperator.id,
    territoryOktmo: '25703000',
  });
  partner = await hub.token({ role: 'PARTNER_SERVICE', subject: 'mse-bureau-gateway', agency: 'HEALTH', grants: ['submitSignal'] });
  rost = await hub.token({ role: 'SPECIALIST', subject: 'rost-psychologist', agency: 'SOCIAL_PROTECTION', organizationId: ROST });
});
afterAll(() => hub?.stop());

async function ok<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await hub.query(token, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}
/** The first userError of a mutation's payload, or the code of a thrown error. */
async function refusal(
  token: string,
  query: string,
  variables?: Record<string, unknown>,
): Promise<{ code?: string; rule?: string | null }> {
  const result = await hub.query(token, query, variables);
  if (result.errors?.length) return { code: result.errors[0].extensions?.code as string };
  const payload = Object.values((result.data ?? {}) as Record<string, any>)[0];
  return payload?.userErrors?.[0] ?? {};
}
const count = async (table: string): Promise<number> =>
  Number(
    (
      await hub.subgraphs['social-protection'].database.orm.em.fork().getConnection().execute(`select count(*)::int as n from "${table}"`)
    )[0].n,
  );

const ADVANCE = `mutation($input: AdvanceSupportCaseInput!) { advanceSupportCase(input: $input) { supportCase { stage } userErrors { code rule } } }`;
const RECORD = `mutation($input: RecordNeedsAssessmentInput!) { recordNeedsAssessment(input: $input) { needsAssessment { id meetingOn } userErrors { code } } }`;
const SURVEY = `mutation($input: SaveNeedsSurveyInput!) { saveNeedsSurvey(input: $input) { needsAssessment { surveyedOn findings { domain needed finding } } userErrors { code rule } } }`;
const ACT = `mutation($input: SaveLivingConditionsActInput!) { saveLivingConditionsAct(input: $input) { needsAssessment { livingConditionsAct { kind drawnUpOn findings } } userErrors { code } } }`;
const NEEDS = `mutation($input: SetMeasureNeedsInput!) { setMeasureNeeds(input: $input) { measure { addressesNeeds } userErrors { code rule } } }`;
const TRANSFER = `mutation($input: TransferCoordinatorInput!) { transferCoordinator(input: $input) {
  coordinatorAssignment { id kind coordinatorSubject previousCoordinatorSubject bySubject byRole reason } supportCase { coordinatorSubject } userErrors { code rule } } }`;
const ADD_MEMBER = `mutation($input: AddCaseTeamMemberInput!) { addCaseTeamMember(input: $input) { caseTeamMember { id role agency } userErrors { code } } }`;
const REQUEST = `mutation($input: RequestConsultationInput!) { requestConsultation(input: $input) { consultationRequest { id status } userErrors { code rule } } }`;
const ANSWER = `mutation($input: UpdateConsultationRequestInput!) { updateConsultationRequest(input: $input) { consultationRequest { status answeredOn consultationOn answer } userErrors { code rule } } }`;
const CASE = `query($id: ID!) { supportCase(id: $id) { coordinatorSubject coordinatorPost
  coordinatorAssignments { kind coordinatorSubject coordinatorPost previousCoordinatorSubject assignedOn bySubject byRole reason }
  needsAssessment { meetingOn surveyedOn findings { domain needed } livingConditionsAct { kind } unansweredNeeds }
  teamMembers { role agency post leftOn removalReason organization { id } }
  consultationRequests { status topic remote consultingOrganization { id } } } }`;

describe('a new case: assessment, appointment, team and consultation (scenario on 10 March 2026)', () => {
  let suiteNow: Date;
  beforeAll(() => {
    suiteNow = now();
    setClock({ at: '2026-03-10T12:00:00+08:00' });
  });
  afterAll(() => setClock({ at: suiteNow }));

  let caseId: string;
  let personId: string;
  let assessmentId: string;
  let measureId: string;

  test('the coordinator who first moves a case is appointed in its history, not silently (seed 001 §3.3(3))', async () => {
    const family = await ok(coordinator, `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { family { id } } }`, {
      input: { displayName: 'Оценочные', address: 'г. Иркутск, ул. Тестовая, 15' },
    });
    const person = await ok(coordinator, `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } } }`, {
      input: {
        familyId: family.registerFamily.family.id,
        relation: 'CHILD',
        snils: snilsFromSequence(215_000_001),
        lastName: 'Оценочный',
        firstName: 'Тест',
        bornOn: '2016-04-01',
        sex: 'MALE',
        disabilityGroup: 'DISABLED_CHILD',
      },
    });
    personId = person.registerPerson.person.id;
    const signal = await ok(partner, `mutation($input: SubmitSignalInput!) { submitSignal(input: $input) { signal { supportCaseId } } }`, {
      input: { idempotencyKey: 'i15-assess-1', source: 'IPRA_EXTRACT', personId, receivedOn: '2026-02-02', summary: 'Выписка из ИПРА' },
    });
    caseId = signal.submitSignal.signal.supportCaseId;
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase.coordinatorAssignments).toEqual([]);
    await ok(coordinator, ADVANCE, {
      input: { supportCaseId: caseId, to: 'CONTACTED', on: '2026-02-04', contactMethod: 'PHONE', coordinatorPost: 'куратор участка 5' },
    });
    const c = (await ok(coordinator, CASE, { id: caseId })).supportCase;
    expect(c.coordinatorSubject).toBe('coordinator-irk-1');
    expect(c.coordinatorAssignments).toEqual([
      {
        kind: 'ASSIGNED',
        coordinatorSubject: 'coordinator-irk-1',
        coordinatorPost: 'куратор участка 5',
        previousCoordinatorSubject: null,
        assignedOn: '2026-02-04',
        bySubject: 'coordinator-irk-1',
        byRole: 'COORDINATOR',
        reason: expect.any(String),
      },
    ]);
  });

  test('the meeting agreed on contact is recorded once, a retry answers the same (seed 003 §16.3)', async () => {
    const input = { supportCaseId: caseId, meetingOn: '2026-02-06', idempotencyKey: 'i15-meeting-1' };
    const first = await ok(coordinator, RECORD, { input });
    const retry = await ok(coordinator, RECORD, { input });
    assessmentId = first.recordNeedsAssessment.needsAssessment.id;
    expect(retry.recordNeedsAssessment.needsAssessment.id).toBe(assessmentId);
    expect(await count('needs_assessment')).toBe(2 + 1); // the two demo assessments and this one
    expect((await refusal(angarsk, RECORD, { input: { ...input, idempotencyKey: 'i15-meeting-x' } })).code).toBe('FORBIDDEN');
  });

  test('without the survey the case cannot enter NEEDS_ASSESSED (seed 003 §19); with it, it can', async () => {
    expect(await refusal(coordinator, ADVANCE, { input: { supportCaseId: caseId, to: 'NEEDS_ASSESSED', on: '2026-02-06' } })).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'seed 003 §19',
    });
    const findings = [
      { domain: 'MEDICAL', needed: true, finding: 'Курс реабилитации по ИПРА' },
      { domain: 'TECHNICAL_AID', needed: true, finding: 'Ходунки' },
      { domain: 'LEGAL', needed: false, finding: 'Не требуется' },
    ];
    expect(await refusal(coordinator, SURVEY, { input: { needsAssessmentId: assessmentId, surveyedOn: '2026-02-05', findings } })).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'seed 003 §19',
    }); // before the agreed meeting
    const saved = await ok(coordinator, SURVEY, { input: { needsAssessmentId: assessmentId, findings } });
    expect(saved.saveNeedsSurvey.needsAssessment).toMatchObject({ surveyedOn: '2026-02-06' });
    const act = await ok(coordinator, ACT, {
      input: {
        needsAssessmentId: assessmentId,
        kind: 'MATERIAL_LIVING_CONDITIONS',
        drawnUpOn: '2026-02-05',
        findings: 'Квартира на 1-м этаже',
      },
    });
    expect(act.saveLivingConditionsAct.needsAssessment.livingConditionsAct).toEqual({
      kind: 'MATERIAL_LIVING_CONDITIONS',
      drawnUpOn: '2026-02-05',
      findings: 'Квартира на 1-м этаже',
    });
    const assessed = await ok(coordinator, ADVANCE, { input: { supportCaseId: caseId, to: 'NEEDS_ASSESSED', on: '2026-02-06' } });
    expect(assessed.advanceSupportCase).toEqual({ supportCase: { stage: 'NEEDS_ASSESSED' }, userErrors: [] });
  });

  test('a measure names the needs it answers, only needs the survey found; the rest stay unanswered (seed 003 §19, §30)', async () => {
    const programme = await ok(
      coordinator,
      `mutation($input: AgreeProgrammeInput!) { agreeProgramme(input: $input) { programme { id } userErrors { code } } }`,
      {
        input: {
          supportCaseId: caseId,
          kind: 'SUPPORT_PROGRAMME',
          agreedOn: '2026-02-09',
          period: { startsOn: '2026-02-09', endsOn: '2026-12-30' },
          agreement: { signedOn: '2026-02-09', period: { startsOn: '2026-02-09', endsOn: '2026-12-30' } },
        },
      },
    );
    const measure = await ok(
      coordinator,
      `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { measure { id } userErrors { code } } }`,
      {
        input: {
          programmeId: programme.agreeProgramme.programme.id,
          kind: 'MEDICAL',
          title: 'Курс реабилитации',
          executingOrganizationId: globalId('Organization', ORG.irkutskChildrenClinic.id),
          plannedPeriod: { startsOn: '2026-02-16', endsOn: '2026-04-01' },
        },
      },
    );
    measureId = measure.addMeasure.measure.id;
    expect(await refusal(coordinator, NEEDS, { input: { measureId, needs: ['LEGAL'] } })).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'seed 003 §19',
    });
    const set = await ok(coordinator, NEEDS, { input: { measureId, needs: ['MEDICAL', 'MEDICAL'] } });
    expect(set.setMeasureNeeds.measure.addressesNeeds).toEqual(['MEDICAL']);
    const again = await ok(coordinator, NEEDS, { input: { measureId, needs: ['MEDICAL'] } }); // idempotent
    expect(again.setMeasureNeeds.measure.addressesNeeds).toEqual(['MEDICAL']);
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase.needsAssessment).toMatchObject({
      meetingOn: '2026-02-06',
      surveyedOn: '2026-02-06',
      livingConditionsAct: { kind: 'MATERIAL_LIVING_CONDITIONS' },
      unansweredNeeds: ['TECHNICAL_AID'],
    });
  });

  test('addMeasure names the needs the measure answers in the same write, by the rule of setMeasureNeeds: a need the survey did not find writes nothing (seed 003 §19, §30)', async () => {
    const programmeId = (await ok(coordinator, `query($id: ID!) { supportCase(id: $id) { programmes { id } } }`, { id: caseId }))
      .supportCase.programmes[0].id;
    const ADD = `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { measure { id addressesNeeds } userErrors { code rule field } } }`;
    const input = {
      programmeId,
      kind: 'MEDICAL',
      title: 'Консультация реабилитолога',
      executingOrganizationId: globalId('Organization', ORG.irkutskChildrenClinic.id),
      plannedPeriod: { startsOn: '2026-02-16', endsOn: '2026-03-01' },
      idempotencyKey: 'i15-followup-measure-needs',
    };
    const [measures, needs] = [await count('measure'), await count('measure_need')];
    const refused = (await hub.query(coordinator, ADD, { input: { ...input, addressesNeeds: ['MEDICAL', 'LEGAL'] } })).data!.addMeasure;
    expect(refused.measure).toBeNull();
    expect(refused.userErrors[0]).toMatchObject({ code: 'RULE_VIOLATION', rule: 'seed 003 §19' });
    expect(JSON.stringify(refused.userErrors[0].field)).toContain('addressesNeeds');
    expect([await count('measure'), await count('measure_need')]).toEqual([measures, needs]);

    const added = await ok(coordinator, ADD, { input: { ...input, addressesNeeds: ['MEDICAL', 'MEDICAL'] } });
    expect(added.addMeasure).toMatchObject({ measure: { addressesNeeds: ['MEDICAL'] }, userErrors: [] });
    const retried = await ok(coordinator, ADD, { input: { ...input, addressesNeeds: ['MEDICAL'] } });
    expect(retried.addMeasure.measure.id).toBe(added.addMeasure.measure.id);
    expect([await count('measure'), await count('measure_need')]).toEqual([measures + 1, needs + 1]);
  });

  test('only the current coordinator or the organization’s administrator transfers the case, with a reason; a retry records it once (seed 003 §33)', async () => {
    const input = {
      supportCaseId: caseId,
      coordinatorSubject: 'coordinator-irk-2',
      coordinatorPost: 'куратор участка 6',
      on: '2026-03-02',
      reason: 'Отпуск куратора',
      idempotencyKey: 'i15-transfer-1',
    };
    expect(await refusal(colleague, TRANSFER, { input: { ...input, idempotencyKey: 'i15-transfer-x' } })).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'seed 003 §33',
    });
    expect((await refusal(angarsk, TRANSFER, { input: { ...input, idempotencyKey: 'i15-transfer-y' } })).code).toBe('FORBIDDEN');
    const first = await ok(coordinator, TRANSFER, { input });
    expect(first.transferCoordinator).toMatchObject({
      coordinatorAssignment: {
        kind: 'TRANSFERRED',
        coordinatorSubject: 'coordinator-irk-2',
        previousCoordinatorSubject: 'coordinator-irk-1',
        bySubject: 'coordinator-irk-1',
        reason: 'Отпуск куратора',
      },
      supportCase: { coordinatorSubject: 'coordinator-irk-2' },
      userErrors: [],
    });
    const retry = await ok(coordinator, TRANSFER, { input });
    expect(retry.transferCoordinator.coordinatorAssignment.id).toBe(first.transferCoordinator.coordinatorAssignment.id);
    const back = await ok(head, TRANSFER, {
      input: { supportCaseId: caseId, coordinatorSubject: 'coordinator-irk-1', on: '2026-03-10', reason: 'Возвращение из отпуска' },
    });
    expect(back.transferCoordinator.coordinatorAssignment).toMatchObject({
      byRole: 'ADMINISTRATOR',
      previousCoordinatorSubject: 'coordinator-irk-2',
    });
    const history = (await ok(coordinator, CASE, { id: caseId })).supportCase.coordinatorAssignments;
    expect(history.map((a: any) => [a.kind, a.coordinatorSubject])).toEqual([
      ['ASSIGNED', 'coordinator-irk-1'],
      ['TRANSFERRED', 'coordinator-irk-2'],
      ['TRANSFERRED', 'coordinator-irk-1'],
    ]);
  });

  test('specialists of several agencies form the team and leave it with history (seed 003 §32.2)', async () => {
    const psychologist = {
      supportCaseId: caseId,
      organizationId: globalId('Organization', ORG.irkutskOperator.id),
      role: 'PSYCHOLOGIST',
      post: 'педагог-психолог',
      joinedOn: '2026-02-10',
      idempotencyKey: 'i15-team-1',
    };
    const added = await ok(coordinator, ADD_MEMBER, { input: psychologist });
    expect((await ok(coordinator, ADD_MEMBER, { input: psychologist })).addCaseTeamMember.caseTeamMember.id).toBe(
      added.addCaseTeamMember.caseTeamMember.id,
    );
    expect((await refusal(coordinator, ADD_MEMBER, { input: { ...psychologist, idempotencyKey: 'i15-team-dup' } })).code).toBe(
      'ILLEGAL_TRANSITION',
    );
    const school = await ok(coordinator, ADD_MEMBER, {
      input: {
        supportCaseId: caseId,
        organizationId: globalId('Organization', ORG.irkutskSchool.id),
        role: 'SOCIAL_PEDAGOGUE',
        post: 'социальный педагог',
        joinedOn: '2026-02-11',
      },
    });
    expect(school.addCaseTeamMember.caseTeamMember).toMatchObject({ agency: 'EDUCATION', role: 'SOCIAL_PEDAGOGUE' });
    const removed = await ok(
      coordinator,
      `mutation($input: RemoveCaseTeamMemberInput!) { removeCaseTeamMember(input: $input) { caseTeamMember { leftOn removalReason } userErrors { code } } }`,
      { input: { caseTeamMemberId: added.addCaseTeamMember.caseTeamMember.id, on: '2026-03-05', reason: 'Замена специалиста' } },
    );
    expect(removed.removeCaseTeamMember.caseTeamMember).toEqual({ leftOn: '2026-03-05', removalReason: 'Замена специалиста' });
    const team = (await ok(coordinator, CASE, { id: caseId })).supportCase.teamMembers;
    expect(team.map((m: any) => [m.role, m.leftOn])).toEqual([
      ['PSYCHOLOGIST', '2026-03-05'],
      ['SOCIAL_PEDAGOGUE', null],
    ]);
  });

  test('a remote consultation is requested from «РОСТ», answered by it alone, and shown with its status (seed 003 §32.1)', async () => {
    const input = {
      supportCaseId: caseId,
      consultingOrganizationId: globalId('Organization', ROST),
      topic: 'CARE',
      question: 'Уход за ребёнком после курса реабилитации',
      requestedOn: '2026-03-03',
      idempotencyKey: 'i15-consult-1',
    };
    expect(
      await refusal(coordinator, REQUEST, {
        input: {
          ...input,
          consultingOrganizationId: globalId('Organization', ORG.irkutskChildrenClinic.id),
          idempotencyKey: 'i15-consult-x',
        },
      }),
    ).toEqual({ code: 'RULE_VIOLATION', rule: 'seed 003 §32.1' });
    const requested = await ok(coordinator, REQUEST, { input });
    const id = requested.requestConsultation.consultationRequest.id;
    expect(requested.requestConsultation.consultationRequest.status).toBe('REQUESTED');
    const inbox = await ok(rost, `{ consultationInbox(first: 10) { totalCount edges { node { id topic question status } } } }`);
    expect(inbox.consultationInbox.edges.map((e: any) => e.node.id)).toContain(id);
    expect(
      await refusal(coordinator, ANSWER, { input: { consultationRequestId: id, status: 'ACCEPTED', consultationOn: '2026-03-12' } }),
    ).toEqual({
      code: 'RULE_VIOLATION',
      rule: 'seed 003 §32.1',
    });
    const stranger = await hub.token({
      role: 'SPECIALIST',
      subject: 'nurse',
      agency: 'HEALTH',
      organizationId: ORG.irkutskChildrenClinic.id,
    });
    expect((await refusal(stranger, ANSWER, { input: { consultationRequestId: id, status: 'DECLINED', answer: 'x' } })).code).toBe(
      'FORBIDDEN',
    );
    const accepted = await ok(rost, ANSWER, {
      input: { consultationRequestId: id, status: 'ACCEPTED', on: '2026-03-04', consultationOn: '2026-03-06' },
    });
    expect(accepted.updateConsultationRequest.consultationRequest).toMatchObject({
      status: 'ACCEPTED',
      answeredOn: '2026-03-04',
      consultationOn: '2026-03-06',
    });
    const done = await ok(rost, ANSWER, {
      input: { consultationRequestId: id, status: 'DONE', on: '2026-03-06', answer: 'Родители проконсультированы' },
    });
    expect(done.updateConsultationRequest.consultationRequest).toMatchObject({ status: 'DONE', consultationOn: '2026-03-06' });
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase.consultationRequests).toEqual([
      { status: 'DONE', topic: 'CARE', remote: true, consultingOrganization: { id: globalId('Organization', ROST) } },
    ]);
  });

  test('the family route shows the assessment as a step (route convention)', async () => {
    const route = await ok(
      coordinator,
      `query($id: ID!) { person(id: $id) { socialProtectionRoute { steps { kind status title recordId } } } }`,
      {
        id: personId,
      },
    );
    const step = route.person.socialProtectionRoute.steps.find((s: any) => s.kind === 'NEEDS_ASSESSMENT');
    expect(step).toMatchObject({ status: 'DONE', recordId: globalId('NeedsAssessment', assessmentId.split(':').pop()!) });
    expect(step.title).toContain('медицинская помощь');
  });
});

describe('the demo Ivanov case: assessment, a transfer in its history, a team of three (issue 15 demo data)', () => {
  test('read by the coordinator of the Irkutsk operator', async () => {
    const c = (await ok(coordinator, CASE, { id: globalId('SupportCase', DEMO_SUPPORT.ivanovCase) })).supportCase;
    expect(c.needsAssessment).toMatchObject({
      livingConditionsAct: { kind: 'MATERIAL_LIVING_CONDITIONS' },
      unansweredNeeds: ['TECHNICAL_AID'],
    });
    expect(c.needsAssessment.findings.filter((f: any) => f.needed).map((f: any) => f.domain)).toEqual([
      'PEDAGOGICAL',
      'MEDICAL',
      'TECHNICAL_AID',
    ]);
    expect(c.coordinatorAssignments.map((a: any) => a.kind)).toEqual(['ASSIGNED', 'TRANSFERRED']);
    expect(c.coordinatorAssignments[1].coordinatorSubject).toBe(c.coordinatorSubject);
    expect(new Set(c.teamMembers.map((m: any) => m.agency))).toEqual(new Set(['SOCIAL_PROTECTION', 'EDUCATION', 'HEALTH']));
    expect(c.consultationRequests).toEqual([
      { status: 'ACCEPTED', topic: 'REHABILITATION', remote: true, consultingOrganization: { id: globalId('Organization', ROST) } },
    ]);
    const route = await ok(coordinator, `query($id: ID!) { person(id: $id) { socialProtectionRoute { steps { kind status } } } }`, {
      id: globalId('Person', P.artyomIvanov.id),
    });
    expect(route.person.socialProtectionRoute.steps).toContainEqual({ kind: 'NEEDS_ASSESSMENT', status: 'DONE' });
  });
});
