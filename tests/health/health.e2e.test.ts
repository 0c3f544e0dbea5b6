import http from 'node:http';
import { randomUUID } from 'node:crypto';
import type { AddressInfo } from 'node:net';
import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { now, setClock } from '../../subgraphs/kit/platform/clock';
import { addDays } from '../../subgraphs/kit/platform/dates';
import { daysFromToday as day } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE as P, demoBirthDate, demoDisability } from '../../subgraphs/kit/demo/people';
import { DEMO_HEALTH_IDS, DEMO_IPRA_NUMBERS, loadDemoData } from '../../subgraphs/health/data/demo-data';
import { Ipra, IpraMeasure } from '../../subgraphs/health/ipra/ipra.entity';
import { SignalDispatcher } from '../../subgraphs/health/signal-outbox/signal-dispatcher';
import { SignalOutbox } from '../../subgraphs/health/signal-outbox/signal-outbox.entity';
import { ClinicAttachment } from '../../subgraphs/health/attachment/clinic-attachment.entity';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { Signal } from '../../subgraphs/social-protection/signal/signal.entity';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { stableId } from '../../subgraphs/kit/domain/stable-id';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const healthEm = () => hub.subgraphs.health.database.orm.em.fork();
const coordinator = (org: { id: string; oktmo: string }) =>
  hub.token({ role: 'COORDINATOR', organizationId: org.id, territoryOktmo: org.oktmo });
const specialist = (agency: string) =>
  hub.token({ role: 'SPECIALIST', agency, organizationId: ORG.irkutskChildrenClinic.id, subject: `specialist-${agency.toLowerCase()}` });
const partner = () =>
  hub.token({ role: 'PARTNER_SERVICE', agency: 'HEALTH', grants: ['submitSignal'], subject: 'health-signal-dispatcher' });

async function rowCounts() {
  const em = healthEm();
  return { ipras: await em.count(Ipra), measures: await em.count(IpraMeasure), outbox: await em.count(SignalOutbox) };
}

const IPRA_FIELDS = `number issuedOn period { startsOn endsOn } disabilityGroup mseBureauName personSnils person { id }
  measures { id section title period { startsOn endsOn } executorAgency executorOrganization { id } aidCode queuedForOwnAid executionStatus }`;

const REGISTER = `mutation Register($input: RegisterIpraInput!) { registerIpra(input: $input) {
  created ipra { id number measures { id section executorAgency } } userErrors { code field } } }`;
const REPORT = `mutation Report($input: ReportIpraMeasureExecutionInput!) { reportIpraMeasureExecution(input: $input) {
  ipraMeasure { id executionStatus executionReportedOn notDoneReason } userErrors { code field } } }`;

/** The code of the expected refusal a mutation answered in its payload. */
const userError = (result: { data?: Record<string, any> | null }, mutation: string) => result.data?.[mutation]?.userErrors?.[0]?.code;
/** The nodes of a connection. */
const nodes = (connection: { edges: { node: any }[] }) => connection.edges.map((e) => e.node);

// A new IPRA issued three weeks ago, for a year (registering refuses an issue date in the future).
const ISSUED = day(-21);
const ipraInput = (number: string, person: { id: string; snils: string }, measures: Record<string, unknown>[] = []) => ({
  number,
  personId: globalId('Person', person.id),
  personSnils: person.snils,
  issuedOn: ISSUED,
  endsOn: addDays(ISSUED, 364),
  disabilityGroup: 'III',
  disabilityCause: 'общее заболевание',
  mseBureauName: 'Бюро медико-социальной экспертизы № 8',
  measures: measures.length
    ? measures
    : [
        {
          section: 'MEDICAL_REHABILITATION',
          title: 'Восстановительная терапия',
          period: { startsOn: ISSUED, endsOn: addDays(ISSUED, 180) },
          organizationId: globalId('Organization', ORG.bratskHospital.id),
        },
        { section: 'SOCIAL', title: 'Социально-бытовая адаптация', period: { startsOn: ISSUED, endsOn: addDays(ISSUED, 364) } },
      ],
});

test("the Ivanov coordinator reads Artyom's IPRA with its measures and their executors through the gateway (issue 5)", async () => {
  const result = await hub.query(
    await coordinator(ORG.irkutskOperator),
    `query($id: ID!) { family(id: $id) { members { person { id ipras { totalCount edges { node { ${IPRA_FIELDS} } } } activeIpra { number }
      clinicAttachment { organization { id } period { startsOn endsOn } }
      rehabilitationCourses { edges { node { title status organization { id } period { startsOn } ipraMeasure { section } } } }
      mseReferrals { edges { node { purpose status nextReExaminationOn organization { id } } } } } } } }`,
    { id: globalId('Family', DEMO_FAMILIES.ivanov) },
  );
  expect(result.errors).toBeUndefined();
  const artyom = result.data!.family.members.find((m: any) => m.person.id === globalId('Person', P.artyomIvanov.id)).person;
  expect(artyom.ipras.totalCount).toBe(1);
  const [ipra] = nodes(artyom.ipras);
  expect(ipra).toMatchObject({
    number: DEMO_IPRA_NUMBERS.artyom,
    disabilityGroup: 'DISABLED_CHILD',
    issuedOn: day(-552),
    period: { startsOn: day(-552) },
    personSnils: P.artyomIvanov.snils,
    person: { id: globalId('Person', P.artyomIvanov.id) },
  });
  const bySection = Object.fromEntries(ipra.measures.map((m: any) => [m.section, m]));
  expect(Object.keys(bySection).sort()).toEqual(['MEDICAL_REHABILITATION', 'PSYCHOLOGICAL_PEDAGOGICAL', 'SOCIAL', 'TECHNICAL_AIDS']);
  expect(bySection.MEDICAL_REHABILITATION).toMatchObject({
    executorAgency: 'HEALTH',
    executorOrganization: { id: globalId('Organization', ORG.irkutskChildrenClinic.id) },
    executionStatus: 'IN_PROGRESS',
  });
  expect(bySection.PSYCHOLOGICAL_PEDAGOGICAL).toMatchObject({
    executorAgency: 'EDUCATION',
    executorOrganization: { id: globalId('Organization', ORG.irkutskSchool.id) },
  });
  expect(bySection.SOCIAL).toMatchObject({
    executorAgency: 'SOCIAL_PROTECTION',
    executorOrganization: { id: globalId('Organization', ORG.irkutskOperator.id) },
  });
  expect(bySection.TECHNICAL_AIDS).toMatchObject({ aidCode: 'WHEELCHAIR_MANUAL', queuedForOwnAid: true, executorAgency: null });
  expect(artyom.activeIpra).toEqual({ number: DEMO_IPRA_NUMBERS.artyom });
  expect(artyom.clinicAttachment).toEqual({
    organization: { id: globalId('Organization', ORG.irkutskChildrenClinic.id) },
    period: { startsOn: addDays(demoBirthDate('artyomIvanov'), 15), endsOn: null },
  });
  expect(nodes(artyom.rehabilitationCourses)).toEqual([
    {
      title: 'Курс медицинской реабилитации, дневной стационар',
      status: 'IN_PROGRESS',
      organization: { id: globalId('Organization', ORG.irkutskChildrenClinic.id) },
      period: { startsOn: day(-14) },
      ipraMeasure: { section: 'MEDICAL_REHABILITATION' },
    },
  ]);
  expect(nodes(artyom.mseReferrals)).toEqual([
    {
      purpose: 'PRIMARY',
      status: 'EXAMINED',
      nextReExaminationOn: demoDisability('artyomIvanov').until,
      organization: { id: expect.any(String) },
    },
  ]);
  // Elena has no IPRA: an empty page, not an error.
  expect(result.data!.family.members.find((m: any) => m.person.id === globalId('Person', P.elenaIvanova.id)).person.ipras).toMatchObject({
    totalCount: 0,
    edges: [],
  });
});

test('a health specialist reads the IPRA too, by person and by number', async () => {
  const token = await specialist('HEALTH');
  const result = await hub.query(
    token,
    `query($id: ID!, $n: String!) { person(id: $id) { ipras { edges { node { number measures { section executorAgency } } } } } ipraByNumber(number: $n) { id } }`,
    {
      id: globalId('Person', P.artyomIvanov.id),
      n: DEMO_IPRA_NUMBERS.artyom,
    },
  );
  expect(result.errors).toBeUndefined();
  const [ipra] = nodes(result.data!.person.ipras);
  expect(ipra.number).toBe(DEMO_IPRA_NUMBERS.artyom);
  expect(ipra.measures).toHaveLength(4);
  expect(result.data!.ipraByNumber.id).toBe(globalId('Ipra', DEMO_HEALTH_IDS.artyomIpra));
});

test("an education specialist is refused health's records (FORBIDDEN), by field and by root query", async () => {
  const token = await specialist('EDUCATION');
  const result = await hub.query(token, `query($id: ID!) { person(id: $id) { id ipras { edges { node { number } } } } }`, {
    id: globalId('Person', P.artyomIvanov.id),
  });
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  expect(result.errors?.[0].path).toContain('ipras');
  expect(JSON.stringify(result.data)).not.toContain(DEMO_IPRA_NUMBERS.artyom);
  const root = await hub.query(token, `query($n: String!) { ipraByNumber(number: $n) { id } }`, { n: DEMO_IPRA_NUMBERS.artyom });
  expect(root.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
});

test('the Smirnova coordinator gets CONSENT_REQUIRED: no consent covers health', async () => {
  const result = await hub.query(
    await coordinator(ORG.angarskOperator),
    `query($id: ID!) { family(id: $id) { displayName members { person { healthRoute { agency steps { id } withheld { code } } activeIpra { number } } } } }`,
    {
      id: globalId('Family', DEMO_FAMILIES.smirnova),
    },
  );
  expect(result.data?.family.displayName).toBe('Смирнова');
  expect(result.data?.family.members[0].person).toEqual({
    healthRoute: { agency: 'HEALTH', steps: [], withheld: { code: 'CONSENT_REQUIRED' } },
    activeIpra: null,
  });
  expect(new Set(result.errors?.map((e) => e.extensions?.code))).toEqual(new Set(['CONSENT_REQUIRED']));
  expect(JSON.stringify(result)).not.toContain(DEMO_IPRA_NUMBERS.nina);
});

test("Sergey Petrov's health route: IPRA, measures with executors, the re-examination due and health's alerts, in the shared shape", async () => {
  const result = await hub.query(
    await coordinator(ORG.bratskOperator),
    `query($id: ID!) { person(id: $id) { healthRoute { agency
      steps { id personId agency kind title status period { startsOn endsOn } dueOn organizationId responsible recordType recordId followsFrom executorAgency }
      alerts { code severity message personId stepId agency } } } }`,
    { id: globalId('Person', P.sergeyPetrov.id) },
  );
  expect(result.errors).toBeUndefined();
  const route = result.data!.person.healthRoute;
  expect(route.agency).toBe('HEALTH');
  const kinds = route.steps.map((s: any) => s.kind);
  expect(new Set(kinds)).toEqual(new Set(['IPRA', 'IPRA_MEASURE', 'MSE_EXAMINATION', 'REHABILITATION_COURSE']));
  const ipraStep = route.steps.find((s: any) => s.kind === 'IPRA');
  expect(ipraStep).toMatchObject({
    status: 'DONE',
    period: { startsOn: day(-343) },
    recordType: 'Ipra',
    recordId: globalId('Ipra', DEMO_HEALTH_IDS.sergeyIpra),
    personId: globalId('Person', P.sergeyPetrov.id),
    agency: 'HEALTH',
  });
  const professional = route.steps.find((s: any) => s.recordId === globalId('IpraMeasure', DEMO_HEALTH_IDS.sergeyProfessional));
  expect(professional).toMatchObject({
    kind: 'IPRA_MEASURE',
    executorAgency: 'EMPLOYMENT',
    organizationId: null,
    followsFrom: [ipraStep.id],
    recordType: 'IpraMeasure',
  });
  const reExamination = route.steps.find((s: any) => s.kind === 'MSE_EXAMINATION' && s.status === 'PLANNED');
  expect(reExamination).toMatchObject({ dueOn: day(22) });
  expect(route.alerts.map((a: any) => a.code).sort()).toEqual(['IPRA_EXPIRING', 'IPRA_MEASURE_NO_EXECUTOR', 'MSE_REEXAMINATION_DUE']);
  expect(route.alerts.find((a: any) => a.code === 'IPRA_MEASURE_NO_EXECUTOR').stepId).toBe(
    `health:IpraMeasure:${DEMO_HEALTH_IDS.sergeyMedical}`,
  );
  const dates = route.steps.map((s: any) => s.period.startsOn ?? '');
  expect(dates).toEqual([...dates].sort());
});

test('health sends as many SQL statements for the 3-member Petrov family as for the 2-member Ivanov family (DataLoader batching)', async () => {
  const QUERY = `query($id: ID!) { family(id: $id) { members { person { ipras { edges { node { measures { section } } } } } } } }`;
  const statements = async (token: string, id: string) => {
    const before = hub.sqlStatements().health;
    const result = await hub.query(token, QUERY, { id: globalId('Family', id) });
    expect(result.errors).toBeUndefined();
    return { count: hub.sqlStatements().health - before, members: result.data!.family.members.length };
  };
  const ivanovToken = await coordinator(ORG.irkutskOperator);
  const petrovToken = await coordinator(ORG.bratskOperator);
  await statements(ivanovToken, DEMO_FAMILIES.ivanov); // warm-up
  const ivanov = await statements(ivanovToken, DEMO_FAMILIES.ivanov);
  const petrov = await statements(petrovToken, DEMO_FAMILIES.petrov);
  expect([ivanov.members, petrov.members]).toEqual([2, 3]);
  expect(petrov.count).toBe(ivanov.count);
  expect(ivanov.count).toBeLessThanOrEqual(3); // IPRAs, measures, the audit insert
});

describe('bad input is refused with a coded user error and writes nothing', () => {
  const cases: [string, Record<string, unknown>, string][] = [
    [
      'an unknown IPRA section',
      ipraInput('BAD-1.38/2026', P.olgaPetrova, [
        { section: 'HOROSCOPE', title: 'x', period: { startsOn: ISSUED, endsOn: addDays(ISSUED, 60) } },
      ]),
      'BAD_USER_INPUT',
    ],
    [
      'a period ending before it starts',
      ipraInput('BAD-2.38/2026', P.olgaPetrova, [
        { section: 'SOCIAL', title: 'x', period: { startsOn: addDays(ISSUED, 60), endsOn: addDays(ISSUED, 30) } },
      ]),
      'BAD_USER_INPUT',
    ],
    ['an invalid SNILS', { ...ipraInput('BAD-3.38/2026', P.olgaPetrova), personSnils: '200-300-400 49' }, 'INVALID_SNILS'],
  ];
  test.each(cases)('registerIpra with %s', async (_name, input, code) => {
    const before = await rowCounts();
    const result = await hub.query(await specialist('HEALTH'), REGISTER, { input });
    expect(result.errors).toBeUndefined();
    expect(result.data!.registerIpra).toMatchObject({ ipra: null, created: null });
    expect(userError(result, 'registerIpra')).toBe(code);
    expect(await rowCounts()).toEqual(before);
  });

  test('an execution report on an unknown IPRA is NOT_FOUND', async () => {
    const before = await rowCounts();
    const result = await hub.query(await specialist('HEALTH'), REPORT, {
      input: {
        ipraNumber: 'NO-SUCH/2026',
        ipraMeasureId: globalId('IpraMeasure', DEMO_HEALTH_IDS.artyomMedical),
        status: 'DONE',
        reportedOn: day(-3),
      },
    });
    expect(result.data!.reportIpraMeasureExecution).toEqual({ ipraMeasure: null, userErrors: [{ code: 'NOT_FOUND', field: null }] });
    expect(await rowCounts()).toEqual(before);
    const measure = await healthEm().findOneOrFail(IpraMeasure, DEMO_HEALTH_IDS.artyomMedical);
    expect(measure.executionStatus).toBe('IN_PROGRESS');
  });

  test('a coordinator cannot register an IPRA', async () => {
    const before = await rowCounts();
    const result = await hub.query(await coordinator(ORG.bratskOperator), REGISTER, { input: ipraInput('BAD-4.38/2026', P.olgaPetrova) });
    expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
    expect(await rowCounts()).toEqual(before);
  });
});

test("the outbox signal of an IPRA names the territory of the person's clinic, so it is not sent unrouted (seed 003 §20); none for a person health knows no clinic of", async () => {
  const token = await specialist('HEALTH');
  const attachedPerson = { id: randomUUID(), snils: snilsFromSequence(715_500_001) };
  const em = healthEm();
  await em.upsert(ClinicAttachment, {
    id: randomUUID(),
    personId: attachedPerson.id,
    organizationId: ORG.bratskHospital.id,
    fromDate: day(-400),
    toDate: null,
  });
  const attached = await hub.query(token, REGISTER, { input: ipraInput('7001.5.38/2026', attachedPerson) });
  expect(attached.errors).toBeUndefined();
  const withClinic = await healthEm().findOneOrFail(SignalOutbox, { idempotencyKey: 'ipra:7001.5.38/2026' });
  expect(withClinic.payload).toMatchObject({ personSnils: attachedPerson.snils, territoryOktmo: ORG.bratskHospital.oktmo });

  const unattachedPerson = { id: randomUUID(), snils: snilsFromSequence(715_500_002) };
  const unattached = await hub.query(token, REGISTER, { input: ipraInput('7001.6.38/2026', unattachedPerson) });
  expect(unattached.errors).toBeUndefined();
  const withoutClinic = await healthEm().findOneOrFail(SignalOutbox, { idempotencyKey: 'ipra:7001.6.38/2026' });
  expect(withoutClinic.payload).not.toHaveProperty('territoryOktmo');
});

test('registering an IPRA writes it, its measures and one outbox row; registering the same number again returns it and writes nothing', async () => {
  const token = await specialist('HEALTH');
  const before = await rowCounts();
  const first = await hub.query(token, REGISTER, { input: ipraInput('7001.2.38/2026', P.olgaPetrova) });
  expect(first.errors).toBeUndefined();
  expect(first.data!.registerIpra.created).toBe(true);
  expect(first.data!.registerIpra.ipra.measures.map((m: any) => [m.section, m.executorAgency])).toEqual([
    ['MEDICAL_REHABILITATION', 'HEALTH'],
    ['SOCIAL', 'SOCIAL_PROTECTION'],
  ]);
  expect(await rowCounts()).toEqual({ ipras: before.ipras + 1, measures: before.measures + 2, outbox: before.outbox + 1 });
  const row = await healthEm().findOneOrFail(SignalOutbox, { idempotencyKey: 'ipra:7001.2.38/2026' });
  expect(row.sentAt).toBeNull();
  expect(row.payload).toMatchObject({
    source: 'IPRA_EXTRACT',
    personSnils: P.olgaPetrova.snils,
    ipraNumber: '7001.2.38/2026',
    receivedOn: ISSUED,
  });

  const again = await hub.query(token, REGISTER, { input: ipraInput('7001.2.38/2026', P.olgaPetrova) });
  expect(again.data!.registerIpra).toMatchObject({ created: false, ipra: { id: first.data!.registerIpra.ipra.id }, userErrors: [] });
  const other = await hub.query(token, REGISTER, { input: ipraInput('7001.2.38/2026', P.elenaIvanova) });
  expect(other.data!.registerIpra.userErrors).toEqual([{ code: 'CONFLICT', field: ['input', 'number'] }]);
  expect(await rowCounts()).toEqual({ ipras: before.ipras + 1, measures: before.measures + 2, outbox: before.outbox + 1 });

  // Executors report back; a final status is not rewritten.
  const [medical] = first.data!.registerIpra.ipra.measures;
  const report = (status: string, reportedOn: string, extra: Record<string, unknown> = {}) =>
    hub.query(token, REPORT, { input: { ipraNumber: '7001.2.38/2026', ipraMeasureId: medical.id, status, reportedOn, ...extra } });
  expect((await report('IN_PROGRESS', day(-13))).data!.reportIpraMeasureExecution.ipraMeasure).toMatchObject({
    executionStatus: 'IN_PROGRESS',
    executionReportedOn: day(-13),
  });
  const notDone = { notDoneReason: 'Отказ гражданина', idempotencyKey: 'report-7001-medical-1' };
  expect((await report('NOT_DONE', day(-3), notDone)).data!.reportIpraMeasureExecution.ipraMeasure).toMatchObject({
    executionStatus: 'NOT_DONE',
    notDoneReason: 'Отказ гражданина',
  });
  // The same report retried after a lost answer answers the measure as it is, not ILLEGAL_TRANSITION.
  expect((await report('NOT_DONE', day(-3), notDone)).data!.reportIpraMeasureExecution).toMatchObject({
    ipraMeasure: { executionStatus: 'NOT_DONE', executionReportedOn: day(-3) },
    userErrors: [],
  });
  expect(userError(await report('DONE', day(-2)), 'reportIpraMeasureExecution')).toBe('ILLEGAL_TRANSITION');
});

test('the dispatcher delivers the IPRA signal through the real gateway to social protection once, however often it runs (seed 003 §15.1)', async () => {
  const register = await hub.query(await specialist('HEALTH'), REGISTER, { input: ipraInput('7002.2.38/2026', P.elenaIvanova) });
  expect(register.data!.registerIpra.created).toBe(true);
  const dispatcher = new SignalDispatcher({ em: hub.subgraphs.health.database.orm.em, gatewayUrl: hub.gatewayUrl, token: partner, fetch });
  // Every pending row goes (the IPRA registered by the previous test included), each exactly once.
  const pending = await healthEm().count(SignalOutbox, { sentAt: null });
  expect(pending).toBeGreaterThanOrEqual(1);
  expect(await dispatcher.dispatchPending()).toEqual({ sent: pending, failed: 0 });
  expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, failed: 0 });
  expect(await healthEm().count(SignalOutbox, { sentAt: null })).toBe(0);

  const sp = hub.subgraphs['social-protection'].database.orm.em.fork();
  const signals = await sp.find(Signal, { idempotencyKey: 'ipra:7002.2.38/2026' });
  expect(signals).toHaveLength(1);
  expect(signals[0]).toMatchObject({
    source: 'IPRA_EXTRACT',
    ipraNumber: '7002.2.38/2026',
    personSnils: P.elenaIvanova.snils,
    personId: P.elenaIvanova.id,
    receivedOn: ISSUED,
  });
  const row = await healthEm().findOneOrFail(SignalOutbox, { idempotencyKey: 'ipra:7002.2.38/2026' });
  expect(row).toMatchObject({ signalId: signals[0].id, attempts: 1, lastError: null });
  expect(row.sentAt).toBeInstanceOf(Date);

  // Even a row that was (wrongly) left pending after a success is harmless: submitSignal returns the same signal.
  row.sentAt = null;
  await healthEm().upsert(SignalOutbox, { ...row, sentAt: null });
  expect(await dispatcher.dispatchPending()).toEqual({ sent: 1, failed: 0 });
  expect(await sp.fork().count(Signal, { idempotencyKey: 'ipra:7002.2.38/2026' })).toBe(1);
});

describe('the dispatcher against a partner endpoint that fails once', () => {
  const requests: { authorization?: string; body: any }[] = [];
  let failNext = 0;
  let server: http.Server;
  let url: string;
  beforeAll(async () => {
    server = http.createServer((req, res) => {
      let text = '';
      req.on('data', (chunk) => (text += chunk));
      req.on('end', () => {
        const body = JSON.parse(text);
        requests.push({ authorization: req.headers.authorization, body });
        if (failNext > 0) {
          failNext -= 1;
          res
            .writeHead(500, { 'content-type': 'application/json' })
            .end(JSON.stringify({ errors: [{ message: 'boom', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] }));
          return;
        }
        const key = body.variables.input.idempotencyKey;
        res
          .writeHead(200, { 'content-type': 'application/json' })
          .end(JSON.stringify({ data: { submitSignal: { created: true, signal: { id: `signal-for-${key}` } } } }));
      });
    });
    await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
    url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  });
  afterAll(() => new Promise<void>((resolve) => server.close(() => resolve())));

  test('a 500 leaves the row pending; the retry sends the same key and payload; nothing is sent twice, even by two dispatchers at once', async () => {
    const register = await hub.query(await specialist('HEALTH'), REGISTER, { input: ipraInput('7003.2.38/2026', P.olgaPetrova) });
    expect(register.data!.registerIpra.created).toBe(true);
    let tokens = 0;
    const dispatcher = new SignalDispatcher({
      em: hub.subgraphs.health.database.orm.em,
      gatewayUrl: url,
      token: async () => `token-${++tokens}`,
      fetch,
    });

    expect(await healthEm().count(SignalOutbox, { sentAt: null })).toBe(1); // only this IPRA's row is pending
    failNext = 1;
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, failed: 1 });
    const pending = await healthEm().findOneOrFail(SignalOutbox, { idempotencyKey: 'ipra:7003.2.38/2026' });
    expect(pending).toMatchObject({ sentAt: null, attempts: 1, lastError: 'HTTP 500: INTERNAL_SERVER_ERROR' });

    const runs = await Promise.all([dispatcher.dispatchPending(), dispatcher.dispatchPending()]);
    expect(runs.map((r) => r.sent).sort()).toEqual([0, 1]);
    expect(await dispatcher.dispatchPending()).toEqual({ sent: 0, failed: 0 });

    expect(requests).toHaveLength(2);
    for (const r of requests) {
      expect(r.authorization).toMatch(/^Bearer token-\d+$/);
      expect(r.body.query).toContain('submitSignal(input: $input)');
      expect(r.body.variables.input).toEqual({
        idempotencyKey: 'ipra:7003.2.38/2026',
        source: 'IPRA_EXTRACT',
        personSnils: P.olgaPetrova.snils,
        receivedOn: ISSUED,
        summary: 'Выписка из ИПРА № 7003.2.38/2026: медицинская реабилитация, социальная реабилитация',
        ipraNumber: '7003.2.38/2026',
      });
    }
    const sent = await healthEm().findOneOrFail(SignalOutbox, { idempotencyKey: 'ipra:7003.2.38/2026' });
    expect(sent).toMatchObject({ attempts: 2, lastError: null, signalId: 'signal-for-ipra:7003.2.38/2026' });
    expect(sent.sentAt).toBeInstanceOf(Date);
  });
});

test("placing Sergey's medical rehabilitation with the Bratsk hospital clears health's no-executor alert; education may not place it", async () => {
  const ASSIGN = `mutation Assign($input: AssignIpraMeasureExecutorInput!) { assignIpraMeasureExecutor(input: $input) {
    ipraMeasure { id executorOrganization { id } } userErrors { code } } }`;
  const input = {
    ipraNumber: DEMO_IPRA_NUMBERS.sergey,
    ipraMeasureId: globalId('IpraMeasure', DEMO_HEALTH_IDS.sergeyMedical),
    organizationId: globalId('Organization', ORG.bratskHospital.id),
  };
  const refused = await hub.query(await specialist('EDUCATION'), ASSIGN, { input });
  expect(refused.errors?.map((e) => e.extensions?.code)).toEqual(['FORBIDDEN']);
  const placed = await hub.query(await specialist('HEALTH'), ASSIGN, { input });
  expect(placed.data!.assignIpraMeasureExecutor).toEqual({
    ipraMeasure: {
      id: globalId('IpraMeasure', DEMO_HEALTH_IDS.sergeyMedical),
      executorOrganization: { id: globalId('Organization', ORG.bratskHospital.id) },
    },
    userErrors: [],
  });
  const route = await hub.query(
    await coordinator(ORG.bratskOperator),
    `query($id: ID!) { person(id: $id) { healthRoute { alerts { code } } } }`,
    { id: globalId('Person', P.sergeyPetrov.id) },
  );
  expect(route.data!.person.healthRoute.alerts.map((a: any) => a.code).sort()).toEqual(['IPRA_EXPIRING', 'MSE_REEXAMINATION_DUE']);
});

test('reloading the demo data is idempotent and keeps execution reports', async () => {
  const em = healthEm();
  const measure = await em.findOneOrFail(IpraMeasure, DEMO_HEALTH_IDS.sergeyProfessional);
  measure.executionStatus = 'IN_PROGRESS' as never;
  measure.executionReportedOn = day(-3);
  await em.flush();
  const before = await rowCounts();
  await loadDemoData(healthEm());
  expect(await rowCounts()).toEqual(before);
  expect((await healthEm().findOneOrFail(IpraMeasure, DEMO_HEALTH_IDS.sergeyProfessional)).executionStatus).toBe('IN_PROGRESS');
  // Demo IPRAs were already announced by social protection's demo: they have no outbox rows.
  expect(await healthEm().count(SignalOutbox, { idempotencyKey: { $like: `ipra:${DEMO_IPRA_NUMBERS.artyom}` } })).toBe(0);
});

test('loading the demo on a later day re-lays its dates from that day and still keeps execution reports', async () => {
  const loadedAt = now();
  try {
    setClock({ at: day(30) });
    await loadDemoData(healthEm());
  } finally {
    setClock({ at: loadedAt });
  }
  // Sergey's IPRA lapses 39 days after the later day; his measures' periods follow it; the report stays.
  expect((await healthEm().findOneOrFail(Ipra, DEMO_HEALTH_IDS.sergeyIpra)).validUntil).toBe(day(30 + 39));
  const professional = await healthEm().findOneOrFail(IpraMeasure, DEMO_HEALTH_IDS.sergeyProfessional);
  expect(professional).toMatchObject({ periodTo: day(30 + 39), executionStatus: 'IN_PROGRESS', executionReportedOn: day(-3) });
});

test('registerIpra with an idempotency key: a retry answers the first registration; the key for another IPRA is CONFLICT', async () => {
  const token = await specialist('HEALTH');
  const input = { ...ipraInput('7004.2.38/2026', P.olgaPetrova), idempotencyKey: 'ipra-7004-first-call' };
  const first = await hub.query(token, REGISTER, { input });
  expect(first.data!.registerIpra).toMatchObject({ created: true, userErrors: [] });
  const before = await rowCounts();
  const retry = await hub.query(token, REGISTER, { input });
  expect(retry.data!.registerIpra).toMatchObject({ created: false, ipra: { id: first.data!.registerIpra.ipra.id }, userErrors: [] });
  const reused = await hub.query(token, REGISTER, {
    input: { ...ipraInput('7005.2.38/2026', P.olgaPetrova), idempotencyKey: input.idempotencyKey },
  });
  expect(reused.data!.registerIpra).toEqual({
    created: null,
    ipra: null,
    userErrors: [{ code: 'CONFLICT', field: ['input', 'idempotencyKey'] }],
  });
  const malformed = await hub.query(token, REGISTER, { input: { ...ipraInput('7006.2.38/2026', P.olgaPetrova), idempotencyKey: 'x' } });
  expect(malformed.data!.registerIpra.userErrors).toEqual([{ code: 'BAD_USER_INPUT', field: ['input', 'idempotencyKey'] }]);
  expect(await rowCounts()).toEqual(before);

  // The executing agency reports on its own measure and sees that measure, not the rest of health's IPRA.
  const social = first.data!.registerIpra.ipra.measures.find((m: any) => m.section === 'SOCIAL');
  const REPORT_WITH_IPRA = `mutation($input: ReportIpraMeasureExecutionInput!) { reportIpraMeasureExecution(input: $input) {
    ipraMeasure { section executionStatus ipra { number } } userErrors { code } } }`;
  const reportInput = { ipraNumber: '7004.2.38/2026', ipraMeasureId: social.id, status: 'IN_PROGRESS', reportedOn: day(-1) };
  const byAgency = await hub.query(await specialist('SOCIAL_PROTECTION'), REPORT_WITH_IPRA, { input: reportInput });
  expect(byAgency.data!.reportIpraMeasureExecution).toEqual({
    ipraMeasure: { section: 'SOCIAL', executionStatus: 'IN_PROGRESS', ipra: null },
    userErrors: [],
  });
  expect(byAgency.errors?.map((e) => [e.path?.join('.'), e.extensions?.code])).toEqual([
    ['reportIpraMeasureExecution.ipraMeasure.ipra', 'FORBIDDEN'],
  ]);
  const byHealth = await hub.query(token, REPORT_WITH_IPRA, { input: { ...reportInput, reportedOn: day(0) } });
  expect(byHealth.errors).toBeUndefined();
  expect(byHealth.data!.reportIpraMeasureExecution.ipraMeasure.ipra).toEqual({ number: '7004.2.38/2026' });
});

test("a person's IPRAs page by keyset cursor and filter by period; more than 100 is refused, not cut", async () => {
  const token = await specialist('HEALTH');
  const PAGE = `query($id: ID!, $first: Int!, $after: String, $period: PeriodInput) { person(id: $id) {
    ipras(first: $first, after: $after, period: $period) { totalCount edges { cursor node { number } } pageInfo { hasNextPage hasPreviousPage startCursor endCursor } } } }`;
  // Olga has the IPRAs registered by the tests above, issued on the same day: the id orders them.
  const all = await hub.query(token, PAGE, { id: globalId('Person', P.olgaPetrova.id), first: 100 });
  expect(all.errors).toBeUndefined();
  const numbers = nodes(all.data!.person.ipras).map((i: any) => i.number);
  expect(numbers.length).toBeGreaterThanOrEqual(2);
  const one = await hub.query(token, PAGE, { id: globalId('Person', P.olgaPetrova.id), first: 1 });
  expect(one.data!.person.ipras).toMatchObject({ totalCount: numbers.length, pageInfo: { hasNextPage: true, hasPreviousPage: false } });
  const next = await hub.query(token, PAGE, {
    id: globalId('Person', P.olgaPetrova.id),
    first: 1,
    after: one.data!.person.ipras.pageInfo.endCursor,
  });
  expect(nodes(next.data!.person.ipras).map((i: any) => i.number)).toEqual([numbers[1]]);
  expect(next.data!.person.ipras.pageInfo.hasPreviousPage).toBe(true);
  const before = await hub.query(token, PAGE, {
    id: globalId('Person', P.olgaPetrova.id),
    first: 10,
    period: { endsOn: addDays(ISSUED, -1) },
  });
  expect(before.data!.person.ipras).toMatchObject({ totalCount: 0, edges: [] });
  const tooMany = await hub.query(token, PAGE, { id: globalId('Person', P.olgaPetrova.id), first: 101 });
  expect(tooMany.errors?.map((e) => e.extensions?.code)).toEqual(['BAD_USER_INPUT']);
});

test('ipra(id) is nullable: an unknown id is null with NOT_FOUND at its path', async () => {
  const result = await hub.query(await specialist('HEALTH'), `query($id: ID!) { ipra(id: $id) { number } }`, {
    id: globalId('Ipra', '00000000-0000-4000-8000-000000000000'),
  });
  expect(result.data).toEqual({ ipra: null });
  expect(result.errors?.map((e) => [e.path, e.extensions?.code])).toEqual([[['ipra'], 'NOT_FOUND']]);
});

describe('health records are entities: references load in one statement and are authorized like the ipra query', () => {
  const ENTITIES = `query($r: [_Any!]!) { _entities(representations: $r) {
    ... on Ipra { number } ... on IpraMeasure { section } ... on MseReferral { purpose } ... on RehabilitationCourse { title } ... on ClinicAttachment { period { startsOn } } } }`;
  const ask = async (agency: string, representations: { __typename: string; id: string }[]) => {
    const requestId = randomUUID();
    const identity: Identity = {
      subject: `specialist-${agency.toLowerCase()}`,
      role: 'SPECIALIST',
      organizationId: ORG.irkutskChildrenClinic.id,
      territoryOktmo: null,
      agency,
      grants: [],
      requestId,
    } as Identity;
    const body = JSON.stringify({ query: ENTITIES, variables: { r: representations } });
    const before = hub.sqlStatements().health;
    const { body: answer } = await sendToSubgraph(
      hub.subgraphs.health.url,
      new IdentitySigner(hub.keys.gateway.privateJwk).sign(identity, 'health', body),
      body,
    );
    return { answer, statements: hub.sqlStatements().health - before };
  };
  const representations = [
    { __typename: 'Ipra', id: globalId('Ipra', DEMO_HEALTH_IDS.artyomIpra) },
    { __typename: 'Ipra', id: globalId('Ipra', DEMO_HEALTH_IDS.sergeyIpra) },
    { __typename: 'IpraMeasure', id: globalId('IpraMeasure', DEMO_HEALTH_IDS.artyomMedical) },
    { __typename: 'IpraMeasure', id: globalId('IpraMeasure', DEMO_HEALTH_IDS.sergeyProfessional) },
    { __typename: 'Ipra', id: globalId('Ipra', '00000000-0000-4000-8000-000000000000') },
  ];

  test('a health specialist gets them, two per type in one statement per type, an unknown id as null', async () => {
    const { answer, statements } = await ask('HEALTH', representations);
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual([
      { number: DEMO_IPRA_NUMBERS.artyom },
      { number: DEMO_IPRA_NUMBERS.sergey },
      { section: 'MEDICAL_REHABILITATION' },
      { section: 'PROFESSIONAL' },
      null,
    ]);
    expect(statements).toBeLessThanOrEqual(3); // IPRAs, measures, the audit insert
  });

  test("the referral, the course and the clinic attachment behind Artyom's route steps are refetched by id", async () => {
    const { answer } = await ask('HEALTH', [
      { __typename: 'MseReferral', id: globalId('MseReferral', stableId('health-mse-referral', 'artyom-primary')) },
      { __typename: 'RehabilitationCourse', id: globalId('RehabilitationCourse', stableId('health-rehabilitation-course', 'artyom-2026')) },
      { __typename: 'ClinicAttachment', id: globalId('ClinicAttachment', stableId('health-clinic-attachment', 'artyom')) },
    ]);
    expect(answer.errors).toBeUndefined();
    expect(answer.data._entities).toEqual([
      { purpose: 'PRIMARY' },
      { title: 'Курс медицинской реабилитации, дневной стационар' },
      { period: { startsOn: expect.stringMatching(/^\d{4}-\d{2}-\d{2}$/) } }, // the demo reloaded on a later day above re-laid it
    ]);
  });

  test('a specialist of another agency is refused every one (FORBIDDEN)', async () => {
    const { answer } = await ask('EDUCATION', representations.slice(0, 3));
    expect(answer.data?._entities ?? [null, null, null]).toEqual([null, null, null]);
    expect(answer.errors.map((e: any) => e.extensions?.code)).toEqual(['FORBIDDEN', 'FORBIDDEN', 'FORBIDDEN']);
  });
});
