import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { DEMO_FAMILIES, DEMO_PEOPLE as P } from '../../subgraphs/kit/demo/people';
import { now, setClock, today } from '../../subgraphs/kit/platform/clock';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { decodeGlobalId, globalId } from '../../subgraphs/kit/platform/global-id';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * The "Done when" scenario of issue 4 through the real gateway over HTTP on real PostgreSQL:
 * an IPRA-extract signal to a concluded case, deadlines over the New Year holidays, the worklist,
 * a referral answered by a health specialist, and bad input refused with nothing written.
 */
let hub: TestHub;
let coordinator: string;
let partner: string;
let health: string;
let education: string;
let admin: string;

beforeAll(async () => {
  // Only social protection takes part in the support process; the other agencies' users reach it through
  // the same gateway with their own tokens (the health specialist below), so their subgraphs are not needed.
  hub = await startTestHub({ modules: [socialProtection] });
  coordinator = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-irk-1',
    organizationId: ORG.irkutskOperator.id,
    territoryOktmo: '25701000',
  });
  partner = await hub.token({ role: 'PARTNER_SERVICE', subject: 'mse-bureau-gateway', agency: 'HEALTH', grants: ['submitSignal'] });
  health = await hub.token({ role: 'SPECIALIST', subject: 'clinic-nurse', agency: 'HEALTH', organizationId: ORG.irkutskChildrenClinic.id });
  education = await hub.token({ role: 'SPECIALIST', subject: 'school-teacher', agency: 'EDUCATION', organizationId: ORG.irkutskSchool.id });
  admin = await hub.token({ role: 'ADMINISTRATOR', subject: 'admin' });
});
afterAll(() => hub?.stop());

const em = () => hub.subgraphs['social-protection'].database.orm.em.fork();
const count = async (table: string): Promise<number> =>
  Number((await em().getConnection().execute(`select count(*)::int as n from "${table}"`))[0].n);

async function ok<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await hub.query(token, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}
/** The code of a refusal: a thrown error's (FORBIDDEN…), or the first userError of the mutation's payload (issue 20). */
async function errorCode(token: string, query: string, variables?: Record<string, unknown>): Promise<string | undefined> {
  const result = await hub.query(token, query, variables);
  const thrown = result.errors?.[0]?.extensions?.code;
  if (thrown) return thrown;
  const payload = Object.values((result.data ?? {}) as Record<string, any>)[0];
  return payload?.userErrors?.[0]?.code;
}

const SUBMIT = `mutation($input: SubmitSignalInput!) { submitSignal(input: $input) { created signal { id personId supportCaseId receivedOn } userErrors { code } } }`;
const CASE = `query($id: ID!, $on: LocalDate) { supportCase(id: $id) { id stage dueOn deadlineSource overdue(on: $on) stageEnteredOn coordinatorSubject
  transitions { fromStage toStage on contactMethod bySubject } } }`;
const ADVANCE = `mutation($input: AdvanceSupportCaseInput!) { advanceSupportCase(input: $input) { supportCase { stage stageEnteredOn dueOn } userErrors { code } } }`;
const REGISTER_FAMILY = `mutation($input: RegisterFamilyInput!) { registerFamily(input: $input) { family { id } userErrors { code } } }`;
const REGISTER_PERSON = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id snils targetCategory(on: "2026-01-01") } userErrors { code } } }`;
const UPDATE_REFERRAL = `mutation($input: UpdateReferralStatusInput!) { updateReferralStatus(input: $input) { referral { status answeredOn } userErrors { code } } }`;

async function newFamilyWithChild(seq: number, displayName: string) {
  const family = await ok(coordinator, REGISTER_FAMILY, { input: { displayName, address: 'г. Иркутск, ул. Тестовая, 1' } });
  const snils = snilsFromSequence(seq);
  const person = await ok(coordinator, REGISTER_PERSON, {
    input: {
      familyId: family.registerFamily.family.id,
      relation: 'CHILD',
      snils,
      lastName: displayName,
      firstName: 'Тест',
      bornOn: '2017-05-04',
      sex: 'MALE',
      disabilityGroup: 'DISABLED_CHILD',
    },
  });
  return {
    familyId: family.registerFamily.family.id as string,
    personId: person.registerPerson.person.id as string,
    snils,
    targetCategory: person.registerPerson.person.targetCategory,
  };
}

/**
 * The scenarios below are set in the winter of 2025/26, to count deadlines over the New Year holidays; they
 * run on a day after their events (no record may be dated in the future), whatever day the suite runs on.
 * The demo data was laid out on the suite's day and is read on it (the describes after these).
 */
const SUITE_DAY = today();
/** The demo's signals: the three of its support cases (demo-support.ts) and the four of the intake queue (demo-intake.ts). */
const DEMO_SIGNALS = 3 + 4;
function onScenarioClock(): void {
  let suiteNow: Date;
  beforeAll(() => {
    suiteNow = now();
    setClock({ at: '2026-03-10T12:00:00+08:00' });
  });
  afterAll(() => setClock({ at: suiteNow }));
}

describe('the support process end to end (seed 003 §15–§33, seed 004 §3.2, seed 000 §3)', () => {
  onScenarioClock();
  let caseId: string;
  let personId: string;
  let referralId: string;

  test('an IPRA extract from a partner service opens a case in IDENTIFIED; a retry returns the same signal (seed 003 §15–16)', async () => {
    const child = await newFamilyWithChild(200_000_001, 'Кузнецовы');
    personId = child.personId;
    expect(child.targetCategory).toBe('DISABLED_CHILD');
    const input = {
      idempotencyKey: 'mse-2025-12-26-0001',
      source: 'IPRA_EXTRACT',
      personSnils: `${child.snils.slice(0, 3)}-${child.snils.slice(3, 6)}-${child.snils.slice(6, 9)} ${child.snils.slice(9)}`,
      receivedOn: '2025-12-26',
      summary: 'Выписка из ИПРА: ТСР, психолого-педагогическая помощь',
      ipraNumber: 'ИПРА-1234/2025',
    };
    const first = await ok(partner, SUBMIT, { input });
    expect(first.submitSignal.created).toBe(true);
    expect(first.submitSignal.signal.personId).toBe(personId);
    caseId = first.submitSignal.signal.supportCaseId;
    expect(caseId).toBeTruthy();
    const retry = await ok(partner, SUBMIT, { input });
    expect(retry.submitSignal).toEqual({ ...first.submitSignal, created: false });
    expect(await count('signal')).toBe(DEMO_SIGNALS + 1);
  });

  test('two identical submissions racing create one signal and one case (idempotency key + submitter)', async () => {
    const cases = await count('support_case');
    const input = {
      idempotencyKey: 'race-1',
      source: 'ORGANIZATION_APPEAL',
      personId,
      receivedOn: '2025-12-29',
      summary: 'Обращение школы',
    };
    const all = await Promise.all([1, 2, 3, 4].map(() => ok(partner, SUBMIT, { input })));
    const [a, b] = all;
    expect(all.map((r) => r.submitSignal.created).sort()).toEqual([false, false, false, true]);
    expect(new Set(all.map((r) => r.submitSignal.signal.id)).size).toBe(1);
    expect(a.submitSignal.signal.id).toBe(b.submitSignal.signal.id);
    // The family's open case takes the second signal; no new case is opened.
    expect(a.submitSignal.signal.supportCaseId).toBe(caseId);
    expect(await count('support_case')).toBe(cases);
    expect(await count('signal')).toBe(DEMO_SIGNALS + 2);
  });

  test('contact is due 5 working days after the signal, counted over the New Year holidays: 26 Dec 2025 → 14 Jan 2026 (seed 003 §16)', async () => {
    const inTime = await ok(coordinator, CASE, { id: caseId, on: '2026-01-14' });
    expect(inTime.supportCase).toMatchObject({
      stage: 'IDENTIFIED',
      dueOn: '2026-01-14',
      deadlineSource: 'seed 003 §16',
      overdue: false,
    });
    const late = await ok(coordinator, CASE, { id: caseId, on: '2026-01-15' });
    expect(late.supportCase.overdue).toBe(true);
  });

  test('an overdue case is at the top of the worklist, undated cases in implementation last (seed 003 §16)', async () => {
    const data = await ok(
      coordinator,
      `{ worklist(first: 10) { totalCount edges { node { id stage dueOn overdue(on: "2026-01-20") } } } }`,
    );
    const nodes = data.worklist.edges.map((e: any) => e.node);
    expect(nodes[0]).toMatchObject({ id: caseId, overdue: true, dueOn: '2026-01-14' });
    expect(nodes.at(-1).stage).toBe('IN_IMPLEMENTATION'); // the demo Ivanov case: no stage term
    // Open cases in one statement, the calendar in one, the audit insert: due dates are computed in memory.
    const before = hub.sqlStatements()['social-protection'];
    await ok(coordinator, `{ worklist(first: 10) { edges { node { id dueOn overdue deadlineSource } } } }`);
    expect(hub.sqlStatements()['social-protection'] - before).toBe(3);
    const bratsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
    // The demo's overdue Petrov case tops the Bratsk worklist on the day the demo was laid out.
    const petrov = await ok(bratsk, `{ worklist(first: 5) { edges { node { personId stage overdue(on: "${SUITE_DAY}") } } } }`);
    expect(petrov.worklist.edges[0].node).toEqual({
      personId: globalId('Person', P.sergeyPetrov.id),
      stage: 'NEEDS_ASSESSED',
      overdue: true,
    });
  });

  test('the worklist pages by keyset cursors (due day, opening day, id): a page asked a day later continues after the last case seen (issue 20)', async () => {
    const PAGE = `query($after: String) { worklist(first: 1, after: $after) { totalCount pageInfo { hasNextPage endCursor } edges { node { id } } } }`;
    const all = (await ok(coordinator, `{ worklist(first: 100) { edges { node { id } } } }`)).worklist.edges.map((e: any) => e.node.id);
    const seen: string[] = [];
    let after: string | null = null;
    const scenarioNow = now();
    try {
      for (let day = 0; day < all.length; day++) {
        // Each page is asked on the next day: overdue flags change, the order keys do not.
        setClock({ at: new Date(scenarioNow.getTime() + day * 86_400_000).toISOString() });
        const page: any = (await ok(coordinator, PAGE, { after })).worklist;
        seen.push(...page.edges.map((e: any) => e.node.id));
        after = page.pageInfo.endCursor;
        if (!page.pageInfo.hasNextPage) break;
      }
    } finally {
      setClock({ at: scenarioNow });
    }
    expect(seen).toEqual(all);
  });

  test('the coordinator filters her worklist by stage and territory on the hub, and pages the filtered list by the same cursors (issue 17)', async () => {
    const ALL = `{ worklist(first: 100) { totalCount edges { node { id stage territoryOktmo } } } }`;
    const all = (await ok(coordinator, ALL)).worklist.edges.map((e: any) => e.node);
    const FILTERED = `query($stage: [SupportStage!], $territoryOktmo: String, $first: Int, $after: String) {
      worklist(stage: $stage, territoryOktmo: $territoryOktmo, first: $first, after: $after) {
        totalCount pageInfo { hasNextPage endCursor } edges { node { id stage territoryOktmo } } } }`;
    // One stage: the new case identified above, without the demo Ivanov case in implementation.
    const identified = (await ok(coordinator, FILTERED, { stage: ['IDENTIFIED'], first: 100 })).worklist;
    expect(identified.edges.map((e: any) => e.node)).toEqual(all.filter((c: any) => c.stage === 'IDENTIFIED'));
    expect(identified.totalCount).toBeGreaterThan(0);
    expect(identified.totalCount).toBeLessThan(all.length); // the filter leaves something out
    const inStages = all.filter((c: any) => c.stage === 'IDENTIFIED' || c.stage === 'IN_IMPLEMENTATION');
    expect(inStages.length).toBeGreaterThan(1);
    const byStage = (await ok(coordinator, FILTERED, { stage: ['IDENTIFIED', 'IN_IMPLEMENTATION'], first: 100 })).worklist;
    expect(byStage.totalCount).toBe(inStages.length);
    expect(byStage.edges.map((e: any) => e.node)).toEqual(inStages); // same order as the whole worklist
    // Paged one case at a time, the filtered list continues after the last case seen and ends where it should.
    const seen: string[] = [];
    let after: string | null = null;
    for (let i = 0; i < inStages.length; i++) {
      const page: any = (await ok(coordinator, FILTERED, { stage: ['IDENTIFIED', 'IN_IMPLEMENTATION'], first: 1, after })).worklist;
      expect(page.totalCount).toBe(inStages.length);
      seen.push(...page.edges.map((e: any) => e.node.id));
      after = page.pageInfo.endCursor;
      if (!page.pageInfo.hasNextPage) break;
    }
    expect(seen).toEqual(inStages.map((c: any) => c.id));
    // A closed stage is never on the worklist: asking for it lists nothing.
    expect((await ok(coordinator, FILTERED, { stage: ['CONCLUDED'], first: 10 })).worklist).toMatchObject({ totalCount: 0, edges: [] });
    // Territory: Irkutsk's cases only; a territory the organization has no case in (or an unknown code) lists nothing.
    const irkutsk = (await ok(coordinator, FILTERED, { territoryOktmo: '25701000', first: 100 })).worklist;
    expect(irkutsk.edges.map((e: any) => e.node)).toEqual(all.filter((c: any) => c.territoryOktmo === '25701000'));
    expect(irkutsk.totalCount).toBeGreaterThan(0);
    expect((await ok(coordinator, FILTERED, { territoryOktmo: '25714000', first: 10 })).worklist.totalCount).toBe(0);
    expect((await ok(coordinator, FILTERED, { territoryOktmo: 'no-such-oktmo', first: 10 })).worklist.totalCount).toBe(0);
    // Both filters together.
    const both = (await ok(coordinator, FILTERED, { stage: ['IN_IMPLEMENTATION'], territoryOktmo: '25701000', first: 100 })).worklist;
    expect(both.edges.map((e: any) => e.node)).toEqual(
      all.filter((c: any) => c.stage === 'IN_IMPLEMENTATION' && c.territoryOktmo === '25701000'),
    );
    // A stage that does not exist is refused by the schema before anything runs.
    expect(await errorCode(coordinator, `{ worklist(stage: [NO_SUCH_STAGE]) { totalCount } }`)).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('an illegal stage transition is refused and nothing is written (seed 003 ch. 7)', async () => {
    const before = await count('stage_transition');
    expect(await errorCode(coordinator, ADVANCE, { input: { supportCaseId: caseId, to: 'NEEDS_ASSESSED', on: '2026-01-12' } })).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await errorCode(coordinator, ADVANCE, { input: { supportCaseId: caseId, to: 'CONTACTED', on: '2026-01-12' } })).toBe(
      'ILLEGAL_TRANSITION',
    ); // no contact method (seed 003 §16.4)
    const angarsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.angarskOperator.id, territoryOktmo: '25703000' });
    expect(
      await errorCode(angarsk, ADVANCE, { input: { supportCaseId: caseId, to: 'CONTACTED', on: '2026-01-12', contactMethod: 'PHONE' } }),
    ).toBe('FORBIDDEN');
    expect(await count('stage_transition')).toBe(before);
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase.stage).toBe('IDENTIFIED');
  });

  test('each stage carries its working-day term: assessment 3 (seed 004 §3.2.3), proposal 5 from the appeal (seed 004 §3.2.7), start 15 from the IPPSU approval (seed 004 §3.2.8)', async () => {
    const contacted = await ok(coordinator, ADVANCE, {
      input: { supportCaseId: caseId, to: 'CONTACTED', on: '2026-01-12', contactMethod: 'PHONE', coordinatorPost: 'куратор участка 2' },
    });
    expect(contacted.advanceSupportCase.supportCase).toEqual({ stage: 'CONTACTED', stageEnteredOn: '2026-01-12', dueOn: '2026-01-15' });
    // The survey at the agreed meeting comes first (seed 003 §19; tests/social-protection/case-people.e2e.test.ts).
    const meeting = await ok(
      coordinator,
      `mutation($input: RecordNeedsAssessmentInput!) { recordNeedsAssessment(input: $input) { needsAssessment { id } userErrors { code } } }`,
      { input: { supportCaseId: caseId, meetingOn: '2026-01-14' } },
    );
    await ok(coordinator, `mutation($input: SaveNeedsSurveyInput!) { saveNeedsSurvey(input: $input) { userErrors { code } } }`, {
      input: {
        needsAssessmentId: meeting.recordNeedsAssessment.needsAssessment.id,
        findings: [{ domain: 'MEDICAL', needed: true, finding: 'Курс реабилитации по ИПРА' }],
      },
    });
    const assessed = await ok(coordinator, ADVANCE, {
      input: { supportCaseId: caseId, to: 'NEEDS_ASSESSED', on: '2026-01-14', appealedOn: '2026-01-12' },
    });
    expect(assessed.advanceSupportCase.supportCase.dueOn).toBe('2026-01-19');
    const AGREE = `mutation($input: AgreeProgrammeInput!) { agreeProgramme(input: $input) { programme { id kind agreedOn approvedOn } userErrors { code } } }`;
    // The citizen agrees the IPPSU on 14 Jan; it is approved on 16 Jan, and the start term counts from the approval.
    const ippsu = {
      supportCaseId: caseId,
      kind: 'SERVICE_PROGRAMME',
      agreedOn: '2026-01-14',
      period: { startsOn: '2026-01-16', endsOn: '2026-12-30' },
      agreement: { number: 'СС-17', signedOn: '2026-01-14', period: { startsOn: '2026-01-16', endsOn: '2026-12-30' } },
    };
    // seed 004 §3.2.8: an IPPSU without its approval day is refused, and nothing moves.
    expect(await errorCode(coordinator, AGREE, { input: ippsu })).toBe('RULE_VIOLATION');
    expect((await ok(coordinator, CASE, { id: caseId })).supportCase.stage).toBe('NEEDS_ASSESSED');
    const programme = await ok(coordinator, AGREE, { input: { ...ippsu, approvedOn: '2026-01-16' } });
    expect(programme.agreeProgramme.programme).toMatchObject({
      kind: 'SERVICE_PROGRAMME',
      agreedOn: '2026-01-14',
      approvedOn: '2026-01-16',
    });
    const c = await ok(coordinator, CASE, { id: caseId, on: '2026-02-06' });
    expect(c.supportCase).toMatchObject({
      stage: 'PROGRAMME_AGREED',
      dueOn: '2026-02-06',
      deadlineSource: 'seed 004 §3.2.8',
      overdue: false,
      coordinatorSubject: 'coordinator-irk-1',
    });
    expect(c.supportCase.transitions.map((t: any) => t.toStage)).toEqual(['IDENTIFIED', 'CONTACTED', 'NEEDS_ASSESSED', 'PROGRAMME_AGREED']);
    expect(c.supportCase.transitions[1]).toMatchObject({ contactMethod: 'PHONE', on: '2026-01-12', bySubject: 'coordinator-irk-1' });

    // A measure for an unknown organization is refused and writes nothing (seed 003 §22).
    const programmeId = programme.agreeProgramme.programme.id;
    const ADD = `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { measure { id executorAgency status } userErrors { code } } }`;
    const measures = await count('measure');
    expect(
      await errorCode(coordinator, ADD, {
        input: {
          programmeId,
          kind: 'MEDICAL',
          title: 'x',
          executingOrganizationId: globalId('Organization', '00000000-0000-4000-8000-000000000000'),
          plannedPeriod: { startsOn: '2026-01-20', endsOn: '2026-03-01' },
        },
      }),
    ).toBe('NOT_FOUND');
    expect(await count('measure')).toBe(measures);
    const measure = await ok(coordinator, ADD, {
      input: {
        programmeId,
        kind: 'MEDICAL',
        title: 'Курс реабилитации',
        executingOrganizationId: globalId('Organization', ORG.irkutskChildrenClinic.id),
        plannedPeriod: { startsOn: '2026-01-20', endsOn: '2026-03-01' },
        idempotencyKey: 'measure-rehab-1',
      },
    });
    expect(measure.addMeasure.measure).toMatchObject({ executorAgency: 'HEALTH', status: 'PLANNED' });
    // A retry with the same key answers the same measure and adds nothing (issue 20).
    const measuresAfter = await count('measure');
    const retried = await ok(coordinator, ADD, {
      input: {
        programmeId,
        kind: 'MEDICAL',
        title: 'Курс реабилитации',
        executingOrganizationId: globalId('Organization', ORG.irkutskChildrenClinic.id),
        plannedPeriod: { startsOn: '2026-01-20', endsOn: '2026-03-01' },
        idempotencyKey: 'measure-rehab-1',
      },
    });
    expect(retried.addMeasure.measure.id).toBe(measure.addMeasure.measure.id);
    expect(await count('measure')).toBe(measuresAfter);
    const referral = await ok(
      coordinator,
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { referral { id status requestedOn executorAgency } userErrors { code } } }`,
      { input: { measureId: measure.addMeasure.measure.id, on: '2026-01-20' } },
    );
    expect(referral.sendReferral.referral).toMatchObject({ status: 'REQUESTED', requestedOn: '2026-01-20', executorAgency: 'HEALTH' });
    referralId = referral.sendReferral.referral.id;
    const implementing = await ok(coordinator, ADVANCE, { input: { supportCaseId: caseId, to: 'IN_IMPLEMENTATION', on: '2026-01-21' } });
    expect(implementing.advanceSupportCase.supportCase).toEqual({ stage: 'IN_IMPLEMENTATION', stageEnteredOn: '2026-01-21', dueOn: null });
  });

  test('the referral is answered by a health specialist, never by the wrong side (FHIR SDOH Task states; seed 003 §27, §33.6)', async () => {
    // The requester cannot accept; another agency has no say.
    expect(await errorCode(coordinator, UPDATE_REFERRAL, { input: { referralId, status: 'ACCEPTED', on: '2026-01-21' } })).toBe(
      'ILLEGAL_TRANSITION',
    );
    expect(await errorCode(education, UPDATE_REFERRAL, { input: { referralId, status: 'ACCEPTED', on: '2026-01-21' } })).toBe('FORBIDDEN');
    expect(
      (
        await em()
          .getConnection()
          .execute(`select status from referral where id = '${decodeGlobalId(referralId, 'referralId')}'`)
      )[0].status,
    ).toBe('REQUESTED');

    const accepted = await ok(health, UPDATE_REFERRAL, { input: { referralId, status: 'ACCEPTED', on: '2026-01-21' } });
    expect(accepted.updateReferralStatus.referral).toEqual({ status: 'ACCEPTED', answeredOn: '2026-01-21' });
    await ok(health, UPDATE_REFERRAL, { input: { referralId, status: 'IN_PROGRESS', on: '2026-01-22' } });
    const done = await ok(health, UPDATE_REFERRAL, { input: { referralId, status: 'DONE', on: '2026-02-27' } });
    expect(done.updateReferralStatus.referral.status).toBe('DONE');
    const seen = await ok(health, `query($id: ID!) { referral(id: $id) { status unanswered } }`, { id: referralId });
    expect(seen.referral).toEqual({ status: 'DONE', unanswered: false });
  });

  test('a conclusion on the execution of the programme closes the case (seed 000 §3)', async () => {
    const CONCLUDE = `mutation($input: ConcludeSupportCaseInput!) { concludeSupportCase(input: $input) { supportCase { stage conclusion closedOn dueOn } userErrors { code } } }`;
    expect(await errorCode(coordinator, CONCLUDE, { input: { supportCaseId: caseId, conclusion: '   ', on: '2026-03-02' } })).toBe(
      'RULE_VIOLATION',
    );
    const closed = await ok(coordinator, CONCLUDE, {
      input: { supportCaseId: caseId, conclusion: 'Программа выполнена: курс реабилитации пройден', on: '2026-03-02' },
    });
    expect(closed.concludeSupportCase.supportCase).toEqual({
      stage: 'CONCLUDED',
      conclusion: 'Программа выполнена: курс реабилитации пройден',
      closedOn: '2026-03-02',
      dueOn: null,
    });
    expect(
      await errorCode(coordinator, ADVANCE, {
        input: { supportCaseId: caseId, to: 'IN_IMPLEMENTATION', on: '2026-03-03', reason: 'reopen' },
      }),
    ).toBe('ILLEGAL_TRANSITION');
    const worklist = await ok(coordinator, `{ worklist(first: 50) { edges { node { id } } } }`);
    expect(worklist.worklist.edges.map((e: any) => e.node.id)).not.toContain(caseId);

    const route = await ok(
      coordinator,
      `query($id: ID!) { person(id: $id) { socialProtectionRoute { steps { kind status recordType } alerts { code } } } }`,
      { id: personId },
    );
    const kinds = route.person.socialProtectionRoute.steps.map((s: any) => s.kind);
    for (const kind of ['SIGNAL', 'CONTACT', 'ASSESSMENT', 'PROGRAMME', 'MEASURE', 'REFERRAL', 'CONCLUSION']) expect(kinds).toContain(kind);
    expect(route.person.socialProtectionRoute.steps.find((s: any) => s.kind === 'CONCLUSION').status).toBe('DONE');
    expect(route.person.socialProtectionRoute.alerts).toEqual([]);
  });
});

describe('bad input is a coded error and writes nothing', () => {
  onScenarioClock();
  test('an invalid SNILS in a signal is INVALID_SNILS (checksum, seed 003 §15)', async () => {
    const before = await count('signal');
    const code = await errorCode(partner, SUBMIT, {
      input: { idempotencyKey: 'bad-snils', source: 'IPRA_EXTRACT', personSnils: '123-456-789 00', receivedOn: '2026-01-12', summary: 'x' },
    });
    expect(code).toBe('INVALID_SNILS');
    expect(await count('signal')).toBe(before);
  });

  test('a birth date in the future is refused (seed 003 §3 derives the category from it)', async () => {
    const family = await ok(coordinator, REGISTER_FAMILY, { input: { displayName: 'Будущие' } });
    const before = await count('person');
    const code = await errorCode(coordinator, REGISTER_PERSON, {
      input: {
        familyId: family.registerFamily.family.id,
        relation: 'CHILD',
        snils: snilsFromSequence(200_000_009),
        lastName: 'Будущий',
        firstName: 'Тест',
        bornOn: '2099-01-01',
        sex: 'MALE',
      },
    });
    expect(code).toBe('BAD_USER_INPUT');
    expect(await count('person')).toBe(before);
    expect(await count('family_member')).toBeGreaterThan(0);
  });

  test('a partner service without the submitSignal grant may not submit signals (issue 3, partner service)', async () => {
    const bare = await hub.token({ role: 'PARTNER_SERVICE', subject: 'other-partner', agency: 'HEALTH' });
    const before = await count('signal');
    expect(
      await errorCode(bare, SUBMIT, {
        input: { idempotencyKey: 'k', source: 'HEALTH_INSTITUTION', receivedOn: '2026-01-12', summary: 'x' },
      }),
    ).toBe('FORBIDDEN');
    expect(await count('signal')).toBe(before);
  });

  test('an anonymous helpline call is journaled without the caller and stays unassigned (seed 004 annex 4 §3.5–3.6)', async () => {
    const data = await ok(
      coordinator,
      `mutation($input: SubmitSignalInput!) { submitSignal(input: $input) { created signal { personId supportCaseId callerName callNumber callerBirthYear result serviceCode calledAt } userErrors { code } } }`,
      {
        input: {
          idempotencyKey: 'call-17',
          source: 'HELPLINE',
          callerAnonymous: true,
          receivedOn: '2026-01-13',
          summary: 'Соседка-инвалид живёт одна',
          helpline: {
            callNumber: '17',
            calledAt: '2026-01-13T05:30:00.000Z',
            callerCategory: 'сосед',
            callerBirthYear: 1960,
            result: 'передано куратору',
            serviceCode: '4.1',
          },
        },
      },
    );
    expect(data.submitSignal).toMatchObject({
      created: true,
      signal: { personId: null, supportCaseId: null, callerName: null, callNumber: '17', callerBirthYear: 1960, serviceCode: '4.1' },
    });
    expect(
      await errorCode(coordinator, SUBMIT, {
        input: {
          idempotencyKey: 'call-18',
          source: 'HELPLINE',
          callerAnonymous: true,
          receivedOn: '2026-01-13',
          summary: 'x',
          helpline: { callerName: 'Иванова' },
        },
      }),
    ).toBe('RULE_VIOLATION');
  });
});

describe('the production calendar is data an administrator extends (DOMAIN.md, "Deadlines are in working days")', () => {
  onScenarioClock();
  test('a regional holiday moves a deadline in that region from the next request on; other roles may not add days', async () => {
    const child = await newFamilyWithChild(200_000_017, 'Соколовы');
    const signal = await ok(partner, SUBMIT, {
      input: {
        idempotencyKey: 'cal-1',
        source: 'IPRA_EXTRACT',
        personId: child.personId,
        receivedOn: '2026-01-27',
        summary: 'Выписка из ИПРА',
      },
    });
    const id = signal.submitSignal.signal.supportCaseId;
    expect((await ok(coordinator, CASE, { id })).supportCase.dueOn).toBe('2026-02-03');
    const ADD = `mutation($input: AddCalendarDaysInput!) { addCalendarDays(input: $input) { days { on kind region } userErrors { code } } }`;
    const day = { on: '2026-02-02', kind: 'HOLIDAY', note: 'Региональный праздник (тест)', region: '25701' };
    expect(await errorCode(coordinator, ADD, { input: { days: [day] } })).toBe('FORBIDDEN');
    expect(await errorCode(admin, ADD, { input: { days: [{ ...day, on: '2026-02-04', kind: 'WORKING_WEEKEND' }] } })).toBe(
      'BAD_USER_INPUT',
    );
    expect(await ok(admin, ADD, { input: { days: [day] } })).toEqual({
      addCalendarDays: { days: [{ on: '2026-02-02', kind: 'HOLIDAY', region: '25701' }], userErrors: [] },
    });
    expect((await ok(coordinator, CASE, { id })).supportCase.dueOn).toBe('2026-02-04');
    // Bratsk (OKTMO 25714…) is not affected by an Irkutsk-city holiday: its calendar is unchanged.
    // A new year comes whole with its decree (loadCalendarDecree, issue 18): a single federal day of it is refused.
    const next2027 = { input: { days: [{ on: '2027-01-01', kind: 'HOLIDAY', note: 'Новогодние каникулы (ТК РФ ст. 112)' }] } };
    expect(await errorCode(admin, ADD, next2027)).toBe('RULE_VIOLATION');
    expect((await ok(coordinator, `{ calendarDays(year: 2027) { on } }`)).calendarDays).toEqual([]);
  });
});

describe('demo support cases and the route (seed 003 §33.3; route convention)', () => {
  const ROUTE = `query($id: ID!) { family(id: $id) { members { person { id targetCategory socialProtectionRoute { steps { kind status dueOn executorAgency } alerts { code severity } } } } } }`;

  test('Ivanov: in implementation, the clinic referral is unanswered for more than 2 working days', async () => {
    const data = await ok(coordinator, ROUTE, { id: globalId('Family', DEMO_FAMILIES.ivanov) });
    const artyom = data.family.members.map((m: any) => m.person).find((p: any) => p.id === globalId('Person', P.artyomIvanov.id));
    expect(artyom.targetCategory).toBe('DISABLED_CHILD');
    expect(artyom.socialProtectionRoute.alerts.map((a: any) => a.code)).toEqual(['REFERRAL_UNANSWERED']);
    const referrals = artyom.socialProtectionRoute.steps.filter((s: any) => s.kind === 'REFERRAL');
    expect(referrals.map((s: any) => s.executorAgency).sort()).toEqual(['EDUCATION', 'HEALTH']);
  });

  test('Petrov: the programme proposal is overdue (seed 004 §3.2.7); Masha is an early-help child (seed 003 §3)', async () => {
    const bratsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
    const data = await ok(bratsk, ROUTE, { id: globalId('Family', DEMO_FAMILIES.petrov) });
    const people = Object.fromEntries(data.family.members.map((m: any) => [m.person.id, m.person]));
    expect(people[globalId('Person', P.sergeyPetrov.id)].socialProtectionRoute.alerts.map((a: any) => a.code)).toEqual([
      'DEADLINE_OVERDUE',
    ]);
    expect(people[globalId('Person', P.sergeyPetrov.id)].socialProtectionRoute.steps.find((s: any) => s.kind === 'PROGRAMME').status).toBe(
      'OVERDUE',
    );
    expect(people[globalId('Person', P.mashaPetrova.id)].targetCategory).toBe('EARLY_HELP_CHILD');
    expect(people[globalId('Person', P.sergeyPetrov.id)].targetCategory).toBe('DISABLED_ADULT_WORKING_AGE');
  });

  test('Smirnova: identified from a health institution signal 3 working days ago, contact still in time (seed 003 §15(4), §16)', async () => {
    const angarsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.angarskOperator.id, territoryOktmo: '25703000' });
    const data = await ok(angarsk, `{ worklist(first: 5) { edges { node { stage overdue signal { source } } } } }`);
    expect(data.worklist.edges.map((e: any) => e.node)).toEqual([
      { stage: 'IDENTIFIED', overdue: false, signal: { source: 'HEALTH_INSTITUTION' } },
    ]);
  });

  test("another organization's coordinator may not read the route: FORBIDDEN, recorded as denied", async () => {
    const angarsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.angarskOperator.id, territoryOktmo: '25703000' });
    const result = await hub.query(angarsk, `query($id: ID!) { person(id: $id) { socialProtectionRoute { agency } } }`, {
      id: globalId('Person', P.artyomIvanov.id),
    });
    expect(result.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(result.data?.person?.socialProtectionRoute ?? null).toBeNull();
    const denied = await em()
      .getConnection()
      .execute(`select count(*)::int as n from audit_record where action = 'DENIED' and operation = 'Person.socialProtectionRoute'`);
    expect(denied[0].n).toBeGreaterThan(0);
  });

  test('SQL statements per route request do not grow with family size (2 members vs 3)', async () => {
    const bratsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.bratskOperator.id, territoryOktmo: '25714000' });
    const statementsFor = async (token: string, familyId: string) => {
      const before = hub.sqlStatements()['social-protection'];
      await ok(token, ROUTE, { id: familyId });
      return hub.sqlStatements()['social-protection'] - before;
    };
    const two = await statementsFor(coordinator, globalId('Family', DEMO_FAMILIES.ivanov));
    const three = await statementsFor(bratsk, globalId('Family', DEMO_FAMILIES.petrov));
    expect(three).toBe(two);
    expect(two).toBeLessThanOrEqual(14);
  });
});

describe('social contracts and idempotent demo data', () => {
  test('a social contract with its adaptation programme and monitoring dates is recorded for a person of my family (seed 004 annex 5)', async () => {
    const RECORD = `mutation($input: RecordSocialContractInput!) { recordSocialContract(input: $input) { socialContract { id adaptationMeasures monitoringDates } userErrors { code } } }`;
    const input = {
      personId: globalId('Person', P.elenaIvanova.id),
      number: 'СК-1',
      commissionDecisionOn: '2026-02-01',
      signedOn: '2026-02-05',
      endsOn: '2026-08-05',
      adaptationMeasures: ['Поиск работы с центром занятости'],
      monitoringDates: ['2026-05-05', '2026-03-05'],
    };
    const before = await count('social_contract');
    expect(await errorCode(coordinator, RECORD, { input: { ...input, monitoringDates: ['2026-09-01'] } })).toBe('RULE_VIOLATION');
    const angarsk = await hub.token({ role: 'COORDINATOR', organizationId: ORG.angarskOperator.id, territoryOktmo: '25703000' });
    expect(await errorCode(angarsk, RECORD, { input })).toBe('FORBIDDEN');
    expect(await count('social_contract')).toBe(before);
    const recorded = await ok(coordinator, RECORD, { input });
    expect(recorded.recordSocialContract.socialContract.monitoringDates).toEqual(['2026-03-05', '2026-05-05']);
    const read = await ok(
      coordinator,
      `query($id: ID!) { person(id: $id) { socialContracts(first: 5) { totalCount edges { node { id } } } } }`,
      {
        id: globalId('Person', P.elenaIvanova.id),
      },
    );
    expect(read.person.socialContracts).toEqual({
      totalCount: 1,
      edges: [{ node: { id: recorded.recordSocialContract.socialContract.id } }],
    });
  });

  test('giveConsent answers the consent and the person, so a client refetches the route; a retry with the same key records nothing new (issue 20)', async () => {
    const GIVE = `mutation($input: GiveConsentInput!) { giveConsent(input: $input) {
      consent { id agencies person { id } } person { id agencyAccess { consentedAgencies } family { id } } userErrors { code field } } }`;
    const input = {
      personId: globalId('Person', P.elenaIvanova.id),
      agencies: ['EMPLOYMENT'],
      givenOn: '2026-02-01',
      idempotencyKey: 'consent-elena-employment',
    };
    const before = await count('consent');
    const first = await ok(coordinator, GIVE, { input });
    expect(first.giveConsent.userErrors).toEqual([]);
    expect(first.giveConsent.consent).toMatchObject({ agencies: ['EMPLOYMENT'], person: { id: globalId('Person', P.elenaIvanova.id) } });
    expect(first.giveConsent.person.agencyAccess.consentedAgencies).toContain('EMPLOYMENT');
    expect(first.giveConsent.person.family).toEqual({ id: globalId('Family', DEMO_FAMILIES.ivanov) });
    const retry = await ok(coordinator, GIVE, { input });
    expect(retry.giveConsent.consent.id).toBe(first.giveConsent.consent.id);
    expect(await count('consent')).toBe(before + 1);
    // An expected refusal is a userError with the field at fault, and nothing is written.
    const bad = await ok(coordinator, GIVE, { input: { ...input, agencies: ['employment service'], idempotencyKey: 'consent-bad' } });
    expect(bad.giveConsent).toMatchObject({ consent: null, person: null, userErrors: [{ code: 'BAD_USER_INPUT' }] });
    expect(await count('consent')).toBe(before + 1);
  });

  test('families and the person history page by keyset cursors (issue 20)', async () => {
    for (const displayName of ['Ключевые-1', 'Ключевые-2']) await ok(coordinator, REGISTER_FAMILY, { input: { displayName } });
    const page = async (after?: string) =>
      (
        await ok(
          coordinator,
          `query($after: String) { families(first: 2, after: $after) { totalCount pageInfo { hasNextPage hasPreviousPage endCursor } edges { node { id displayName } } } }`,
          { after },
        )
      ).families;
    const first = await page();
    expect(first.edges).toHaveLength(2);
    expect(first.pageInfo).toMatchObject({ hasNextPage: first.totalCount > 2, hasPreviousPage: false });
    const seen = new Set(first.edges.map((e: any) => e.node.id));
    let cursor = first.pageInfo.endCursor;
    let more = first.pageInfo.hasNextPage;
    while (more) {
      const next = await page(cursor);
      for (const e of next.edges) {
        expect(seen.has(e.node.id)).toBe(false);
        seen.add(e.node.id);
      }
      cursor = next.pageInfo.endCursor;
      more = next.pageInfo.hasNextPage;
    }
    expect(seen.size).toBe(first.totalCount);
    const tooMany = await hub.query(coordinator, `{ families(first: 101) { totalCount } }`);
    expect(tooMany.errors?.[0]?.extensions?.code).toBe('BAD_USER_INPUT');
  });

  test('loading reference and demo data again changes nothing (idempotent upserts)', async () => {
    const tables = ['calendar_day', 'signal', 'support_case', 'stage_transition', 'programme', 'measure', 'referral'];
    const before = await Promise.all(tables.map(count));
    await socialProtection.loadReferenceData!(em());
    await socialProtection.loadDemoData!(em());
    expect(await Promise.all(tables.map(count))).toEqual(before);
  });
});
