import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { stableId } from '../../subgraphs/kit/domain/stable-id';
import { today } from '../../subgraphs/kit/platform/clock';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { DEMO_SUPPORT } from '../../subgraphs/social-protection/data/demo-support';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 15 §1 through the real gateway over HTTP on real PostgreSQL, on the demo data laid out on the suite's day:
 * the executing organization's referral inbox, its answer, the execution it records, and the coordinator's family
 * route showing the change at once (seed 003 §16, §27, §33.6). All agencies run, so `family.route` is assembled.
 */
let hub: TestHub;
let coordinator: string;
let clinic: string;
let otherClinic: string;
let school: string;

beforeAll(async () => {
  hub = await startTestHub();
  coordinator = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-irk',
    organizationId: ORG.irkutskOperator.id,
    territoryOktmo: '25701000',
  });
  clinic = await hub.token({
    role: 'SPECIALIST',
    subject: 'clinic-doctor',
    agency: 'HEALTH',
    organizationId: ORG.irkutskChildrenClinic.id,
  });
  otherClinic = await hub.token({
    role: 'SPECIALIST',
    subject: 'angarsk-doctor',
    agency: 'HEALTH',
    organizationId: ORG.angarskHospital.id,
  });
  school = await hub.token({ role: 'SPECIALIST', subject: 'school-teacher', agency: 'EDUCATION', organizationId: ORG.irkutskSchool.id });
});
afterAll(() => hub?.stop());

const em = () => hub.subgraphs['social-protection'].database.orm.em.fork();
const sql = async (query: string): Promise<any[]> => em().getConnection().execute(query);
const clinicReferral = globalId('Referral', DEMO_SUPPORT.ivanovClinicReferral);
const schoolReferral = globalId('Referral', DEMO_SUPPORT.ivanovSchoolReferral);

async function ok<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await hub.query(token, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const INBOX = `query($status: [ReferralStatus!]) { referralInbox(status: $status, first: 20) { totalCount
  edges { node { id status requestedOn answerDueOn answerOverdue measure { title volume periodicity } } } } }`;
const ACCEPT = `mutation($input: AcceptReferralInput!) { acceptReferral(input: $input) { referral { id status answeredOn answerOverdue } userErrors { code field } } }`;
const DECLINE = `mutation($input: DeclineReferralInput!) { declineReferral(input: $input) { referral { status statusReason } userErrors { code field } } }`;
const RECORD = `mutation($input: RecordReferralExecutionInput!) { recordReferralExecution(input: $input) {
  execution { executedOn result completesMeasure recordedAt organization { id } } referral { status } measure { status } userErrors { code field } } }`;
const ROUTE = `query($id: ID!) { family(id: $id) { route { steps { recordId kind title status dueOn } alerts { code agency } } } }`;

async function routeStep(recordId: string) {
  const data = await ok(coordinator, ROUTE, { id: globalId('Family', DEMO_FAMILIES.ivanov) });
  return { step: data.family.route.steps.find((s: any) => s.recordId === recordId), alerts: data.family.route.alerts };
}

describe("the executing organization's referral inbox (seed 003 §16, §27)", () => {
  test("the children's clinic sees the Ivanov referral overdue: 5 working days to answer have passed", async () => {
    const inbox = (await ok(clinic, INBOX)).referralInbox;
    expect(inbox.totalCount).toBe(1);
    const referral = inbox.edges[0].node;
    expect(referral).toMatchObject({
      id: clinicReferral,
      status: 'REQUESTED',
      answerOverdue: true,
      measure: { title: 'Курс медицинской реабилитации', volume: 10, periodicity: 'WEEKLY' },
    });
    expect(referral.answerDueOn > referral.requestedOn && referral.answerDueOn < today()).toBe(true);
    // The coordinator's route shows the same step late, due on the same day.
    const { step } = await routeStep(clinicReferral);
    expect(step).toMatchObject({ kind: 'REFERRAL', status: 'OVERDUE', dueOn: referral.answerDueOn });
  });

  test('the school sees its accepted referral; a status filter narrows the inbox', async () => {
    const inbox = (await ok(school, INBOX)).referralInbox;
    expect(inbox.edges.map((e: any) => [e.node.id, e.node.status, e.node.answerOverdue])).toEqual([[schoolReferral, 'ACCEPTED', false]]);
    expect((await ok(school, INBOX, { status: ['REQUESTED'] })).referralInbox.totalCount).toBe(0);
  });

  test('a specialist of another organization of the same agency sees nothing and is refused with FORBIDDEN', async () => {
    expect((await ok(otherClinic, INBOX)).referralInbox.totalCount).toBe(0);
    const accept = await hub.query(otherClinic, ACCEPT, { input: { referralId: clinicReferral } });
    expect(accept.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const read = await hub.query(otherClinic, `query($id: ID!) { referral(id: $id) { status } }`, { id: clinicReferral });
    expect(read.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect((await sql(`select status from referral where id = '${DEMO_SUPPORT.ivanovClinicReferral}'`))[0].status).toBe('REQUESTED');
    // Both refusals are on the record, against the child referred (issue 12 §7).
    const denied = await sql(
      `select operation from audit_record where action = 'DENIED' and subject = 'angarsk-doctor' order by operation`,
    );
    expect(denied.map((r) => r.operation)).toEqual(['acceptReferral', 'referral']);
  });

  test('a decline without a reason is a coded user error on the reason and writes nothing', async () => {
    const data = await ok(clinic, DECLINE, { input: { referralId: clinicReferral, reason: '  ' } });
    expect(data.declineReferral).toEqual({ referral: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'reason'] }] });
    expect((await sql(`select status from referral where id = '${DEMO_SUPPORT.ivanovClinicReferral}'`))[0].status).toBe('REQUESTED');
  });

  test("a specialist of the addressed clinic accepts; the coordinator's family route shows it accepted at once; a retry answers the same", async () => {
    const accepted = await ok(clinic, ACCEPT, { input: { referralId: clinicReferral } });
    expect(accepted.acceptReferral).toEqual({
      referral: { id: clinicReferral, status: 'ACCEPTED', answeredOn: today(), answerOverdue: false },
      userErrors: [],
    });
    const { step, alerts } = await routeStep(clinicReferral);
    expect(step).toMatchObject({ title: 'Направление (ACCEPTED)', status: 'IN_PROGRESS', dueOn: null });
    expect(alerts).not.toContainEqual({ code: 'REFERRAL_UNANSWERED', agency: 'SOCIAL_PROTECTION' });
    const audit = await sql(`select count(*)::int as n from audit_record where action = 'WRITE' and operation = 'acceptReferral'`);
    expect(audit[0].n).toBe(1);
    // A partner's retry answers the accepted referral and writes nothing more.
    expect((await ok(clinic, ACCEPT, { input: { referralId: clinicReferral } })).acceptReferral.referral.status).toBe('ACCEPTED');
    expect((await sql(`select count(*)::int as n from audit_record where action = 'WRITE' and operation = 'acceptReferral'`))[0].n).toBe(1);
    // Declining after accepting is not an answer any more.
    const decline = await ok(clinic, DECLINE, { input: { referralId: clinicReferral, reason: 'передумали' } });
    expect(decline.declineReferral.userErrors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: null }]);
  });
});

describe('the execution record (seed 003 §33.6, §8.17–18)', () => {
  const executions = async () => (await sql(`select count(*)::int as n from measure_execution`))[0].n;

  test('an execution dated in the future or before the referral is refused on executedOn', async () => {
    const before = await executions();
    for (const executedOn of [daysFromToday(1), daysFromToday(-200)]) {
      const data = await ok(clinic, RECORD, { input: { referralId: clinicReferral, executedOn, result: 'занятие' } });
      expect(data.recordReferralExecution.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'executedOn'] }]);
    }
    expect(await executions()).toBe(before);
  });

  test('the clinic records a session: referral and measure under way; a retry with the same key records nothing new', async () => {
    const input = {
      referralId: clinicReferral,
      executedOn: today(),
      result: 'Первое занятие ЛФК проведено',
      idempotencyKey: 'clinic-lfk-1',
    };
    const first = await ok(clinic, RECORD, { input });
    expect(first.recordReferralExecution).toMatchObject({
      execution: {
        executedOn: today(),
        result: 'Первое занятие ЛФК проведено',
        completesMeasure: false,
        organization: { id: globalId('Organization', ORG.irkutskChildrenClinic.id) },
      },
      referral: { status: 'IN_PROGRESS' },
      measure: { status: 'IN_PROGRESS' },
      userErrors: [],
    });
    const count = await executions();
    const retry = await ok(clinic, RECORD, { input });
    expect(retry.recordReferralExecution.execution).toEqual(first.recordReferralExecution.execution);
    expect(await executions()).toBe(count);
    // Another organization cannot record on the clinic's referral.
    const refused = await hub.query(otherClinic, RECORD, { input: { ...input, idempotencyKey: 'angarsk-1' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  test('the execution that completes the measure closes the referral and the measure; the route shows both DONE', async () => {
    const done = await ok(clinic, RECORD, {
      input: {
        referralId: clinicReferral,
        executedOn: today(),
        result: 'Курс завершён',
        completesMeasure: true,
        idempotencyKey: 'clinic-lfk-2',
      },
    });
    expect(done.recordReferralExecution).toMatchObject({ referral: { status: 'DONE' }, measure: { status: 'DONE' }, userErrors: [] });
    const measure = await ok(
      clinic,
      `query($id: ID!) { referral(id: $id) { measure { executions(first: 10) { totalCount edges { node { result completesMeasure } } } } } }`,
      { id: clinicReferral },
    );
    expect(measure.referral.measure.executions.totalCount).toBe(2);
    expect(measure.referral.measure.executions.edges.map((e: any) => e.node.completesMeasure).sort()).toEqual([false, true]);
    const { step } = await routeStep(clinicReferral);
    expect(step.status).toBe('DONE');
    expect((await routeStep(globalId('Measure', stableId('social-protection-measure', 'ivanov-clinic')))).step.status).toBe('DONE');
  });

  test("the demo's own measure of the operator shows its volume and the executions recorded so far (seed 003 §8.17–18)", async () => {
    const data = await ok(
      coordinator,
      `query($id: ID!) { supportCase(id: $id) { programmes { measures { title volume periodicity status
        executions(first: 10) { totalCount edges { node { executedOn result organization { id } } } } } } } }`,
      { id: globalId('SupportCase', DEMO_SUPPORT.ivanovCase) },
    );
    const own = data.supportCase.programmes[0].measures.find((m: any) => m.volume === 4);
    expect(own).toMatchObject({ periodicity: 'MONTHLY', status: 'IN_PROGRESS', executions: { totalCount: 2 } });
    const days = own.executions.edges.map((e: any) => e.node.executedOn);
    expect(days).toEqual([...days].sort());
    expect(days.every((d: string) => d < today())).toBe(true);
    expect(own.executions.edges[0].node.organization.id).toBe(globalId('Organization', ORG.irkutskOperator.id));
  });

  test("the coordinator records the operator's own measure with its volume; a measure with an open referral is its executor's to record", async () => {
    const programmeId = globalId('Programme', stableId('social-protection-programme', 'ivanov'));
    const added = await ok(
      coordinator,
      `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { measure { id volume periodicity status } userErrors { code } } }`,
      {
        input: {
          programmeId,
          kind: 'SOCIAL',
          title: 'Консультации по оформлению мер социальной поддержки',
          executingOrganizationId: globalId('Organization', ORG.irkutskOperator.id),
          plannedPeriod: { startsOn: today(), endsOn: daysFromToday(90) },
          volume: 3,
          periodicity: 'MONTHLY',
        },
      },
    );
    expect(added.addMeasure.measure).toMatchObject({ volume: 3, periodicity: 'MONTHLY', status: 'PLANNED' });
    const RECORD_OWN = `mutation($input: RecordMeasureExecutionInput!) { recordMeasureExecution(input: $input) {
      execution { executedOn result } measure { status executions(first: 5) { totalCount } } userErrors { code field } } }`;
    const own = await ok(coordinator, RECORD_OWN, {
      input: { measureId: added.addMeasure.measure.id, executedOn: today(), result: 'Консультация проведена', idempotencyKey: 'own-1' },
    });
    expect(own.recordMeasureExecution).toEqual({
      execution: { executedOn: today(), result: 'Консультация проведена' },
      measure: { status: 'IN_PROGRESS', executions: { totalCount: 1 } },
      userErrors: [],
    });
    const schoolMeasure = globalId('Measure', stableId('social-protection-measure', 'ivanov-school'));
    const refused = await ok(coordinator, RECORD_OWN, { input: { measureId: schoolMeasure, executedOn: today(), result: 'x' } });
    expect(refused.recordMeasureExecution.userErrors).toEqual([{ code: 'ILLEGAL_TRANSITION', field: null }]);
  });

  test('a referral declined with its reason shows DECLINED in the route, and the reason reaches the coordinator', async () => {
    const programmeId = globalId('Programme', stableId('social-protection-programme', 'ivanov'));
    const measure = await ok(
      coordinator,
      `mutation($input: AddMeasureInput!) { addMeasure(input: $input) { measure { id } userErrors { code } } }`,
      {
        input: {
          programmeId,
          kind: 'MEDICAL',
          title: 'Консультация невролога',
          executingOrganizationId: globalId('Organization', ORG.angarskHospital.id),
          plannedPeriod: { startsOn: today(), endsOn: daysFromToday(30) },
        },
      },
    );
    const sent = await ok(
      coordinator,
      `mutation($input: SendReferralInput!) { sendReferral(input: $input) { referral { id status } userErrors { code } } }`,
      { input: { measureId: measure.addMeasure.measure.id } },
    );
    const referralId = sent.sendReferral.referral.id;
    expect((await ok(otherClinic, INBOX)).referralInbox.edges.map((e: any) => e.node.id)).toEqual([referralId]);
    const declined = await ok(otherClinic, DECLINE, { input: { referralId, reason: 'Нет невролога до конца квартала' } });
    expect(declined.declineReferral).toEqual({
      referral: { status: 'REJECTED', statusReason: 'Нет невролога до конца квартала' },
      userErrors: [],
    });
    // A retry of the decline answers the declined referral.
    expect((await ok(otherClinic, DECLINE, { input: { referralId, reason: 'повтор' } })).declineReferral.referral.statusReason).toBe(
      'Нет невролога до конца квартала',
    );
    expect((await routeStep(referralId)).step.status).toBe('DECLINED');
    expect((await ok(otherClinic, INBOX)).referralInbox.totalCount).toBe(0);
  });
});
