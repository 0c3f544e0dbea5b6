import { DEMO_ORGANIZATIONS as ORG } from '../../subgraphs/kit/demo/organizations';
import { snilsFromSequence } from '../../subgraphs/kit/domain/snils';
import { today } from '../../subgraphs/kit/platform/clock';
import { DEMO_PEOPLE as P } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { DEMO_INTAKE } from '../../subgraphs/social-protection/data/demo-intake';
import { DEMO_SUPPORT } from '../../subgraphs/social-protection/data/demo-support';
import { HELPLINE_CALL_COLUMNS, PRIMARY_REGISTRATION_COLUMNS } from '../../subgraphs/social-protection/journal/journal.rules';
import { socialProtection } from '../../subgraphs/social-protection/subgraph';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 15 §2 through the gateway on real PostgreSQL: the intake queue (seed 003 §15, seed 004 §1.12), the journals
 * and their CSV files (seed 004 §5.1, annex 4 §3.5), and the contact attempts of seed 003 §16–18, on the demo data.
 */
let hub: TestHub;
let irkutsk: string;
let bratsk: string;
let angarsk: string;
let partner: string;
let analyst: string;

beforeAll(async () => {
  hub = await startTestHub({ modules: [socialProtection] });
  irkutsk = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-irk',
    organizationId: ORG.irkutskOperator.id,
    territoryOktmo: ORG.irkutskOperator.oktmo,
  });
  bratsk = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-brk',
    organizationId: ORG.bratskOperator.id,
    territoryOktmo: ORG.bratskOperator.oktmo,
  });
  angarsk = await hub.token({
    role: 'COORDINATOR',
    subject: 'coordinator-ang',
    organizationId: ORG.angarskOperator.id,
    territoryOktmo: ORG.angarskOperator.oktmo,
  });
  partner = await hub.token({ role: 'PARTNER_SERVICE', subject: 'mse-bureau-gateway', agency: 'HEALTH', grants: ['submitSignal'] });
  analyst = await hub.token({ role: 'ANALYST', subject: 'analyst' });
});
afterAll(() => hub?.stop());

async function ok<T = any>(token: string, query: string, variables?: Record<string, unknown>): Promise<T> {
  const result = await hub.query(token, query, variables);
  expect(result.errors).toBeUndefined();
  return result.data as T;
}

const QUEUE = `query($territoryOktmo: String, $first: Int, $after: String) {
  intakeQueue(territoryOktmo: $territoryOktmo, first: $first, after: $after) {
    totalCount pageInfo { hasNextPage endCursor }
    edges { node { id source receivedOn summary callerAnonymous callerName intakeStatus territoryOktmo operatorOrganization { id } } }
  } }`;
const SUBMIT = `mutation($input: SubmitSignalInput!) { submitSignal(input: $input) { signal { id intakeStatus operatorOrganizationId territoryOktmo } userErrors { code } } }`;
const MATCH = `mutation($input: MatchSignalInput!) { matchSignal(input: $input) {
  signal { id intakeStatus personId } supportCase { id stage openedOn person { id } } userErrors { code field } } }`;
const REGISTER_FROM = `mutation($input: RegisterPersonFromSignalInput!) { registerPersonFromSignal(input: $input) {
  signal { intakeStatus receivedOn } person { id snils } family { id } supportCase { id stage openedOn } userErrors { code field } } }`;
const CLOSE = `mutation($input: CloseSignalInput!) { closeSignal(input: $input) {
  signal { id intakeStatus closedOn closeReason closeComment } userErrors { code field } } }`;
const CSV = `query($journal: Journal!, $period: PeriodInput) { journalCsv(journal: $journal, period: $period) { fileName mediaType content rowCount } }`;

const queueIds = async (token: string, territoryOktmo?: string): Promise<string[]> =>
  (await ok(token, QUEUE, { first: 100, territoryOktmo })).intakeQueue.edges.map((e: any) => e.node.id);

/** Parses the RFC 4180 records of a CSV file (quoted fields may hold commas, quotes and line breaks). */
function parseCsv(text: string): string[][] {
  const records: string[][] = [];
  let record: string[] = [];
  let field = '';
  let quoted = false;
  const body = text.replace(/^\uFEFF/, '');
  for (let i = 0; i < body.length; i++) {
    const ch = body[i];
    if (quoted) {
      if (ch === '"' && body[i + 1] === '"') {
        field += '"';
        i++;
      } else if (ch === '"') {
        quoted = false;
      } else {
        field += ch;
      }
    } else if (ch === '"') {
      quoted = true;
    } else if (ch === ',') {
      record.push(field);
      field = '';
    } else if (ch === '\r' && body[i + 1] === '\n') {
      record.push(field);
      records.push(record);
      record = [];
      field = '';
      i++;
    } else {
      field += ch;
    }
  }
  return records;
}

describe('the intake queue (seed 003 §15, seed 004 §1.12)', () => {
  it("the demo's unassigned signals wait in the Irkutsk operator's queue, oldest first, the anonymous call without a name", async () => {
    const page = (await ok(irkutsk, QUEUE, { first: 100 })).intakeQueue;
    const nodes = page.edges.map((e: any) => e.node);
    const ids = nodes.map((n: any) => n.id);
    expect(ids).toEqual(
      expect.arrayContaining([globalId('Signal', DEMO_INTAKE.anonymousCall), globalId('Signal', DEMO_INTAKE.unknownIpra)]),
    );
    expect(ids).not.toContain(globalId('Signal', DEMO_INTAKE.consultationCall));
    const anonymous = nodes.find((n: any) => n.id === globalId('Signal', DEMO_INTAKE.anonymousCall));
    expect(anonymous).toMatchObject({ callerAnonymous: true, callerName: null, intakeStatus: 'WAITING', source: 'HELPLINE' });
    expect(anonymous.operatorOrganization.id).toBe(globalId('Organization', ORG.irkutskOperator.id));
    const days = nodes.map((n: any) => n.receivedOn);
    expect([...days].sort()).toEqual(days);
  });

  it('a waiting signal is refetched by id by the coordinators of its queue only, as the queue shows it (CONVENTIONS §7.4)', async () => {
    const NODE = `query($id: ID!) { node(id: $id) { ... on Signal { summary intakeStatus } } }`;
    const id = globalId('Signal', DEMO_INTAKE.anonymousCall);
    expect((await ok(irkutsk, NODE, { id })).node).toMatchObject({ intakeStatus: 'WAITING' });
    expect((await hub.query(bratsk, NODE, { id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it('pages with keyset cursors: the second page continues after the first', async () => {
    const first = (await ok(irkutsk, QUEUE, { first: 1 })).intakeQueue;
    expect(first.pageInfo.hasNextPage).toBe(true);
    const second = (await ok(irkutsk, QUEUE, { first: 1, after: first.pageInfo.endCursor })).intakeQueue;
    expect(second.edges[0].node.id).not.toBe(first.edges[0].node.id);
    expect(second.totalCount).toBe(first.totalCount);
  });

  it("another operator's coordinator does not see them; an analyst reads no queue (seed 003 §20, §34)", async () => {
    expect(await queueIds(bratsk)).not.toContain(globalId('Signal', DEMO_INTAKE.anonymousCall));
    const refused = await hub.query(analyst, QUEUE, { first: 10 });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("a partner's extract about an unknown person with no territory is unrouted and shown to every operator until one takes it, or it would be lost (seed 003 §15)", async () => {
    const submitted = await ok(partner, SUBMIT, {
      input: {
        idempotencyKey: 'intake-e2e-unrouted',
        source: 'IPRA_EXTRACT',
        personSnils: snilsFromSequence(777_100_001),
        receivedOn: today(),
        summary: 'Выписка из ИПРА: гражданин не найден',
      },
    });
    const signal = submitted.submitSignal.signal;
    expect(signal).toMatchObject({ intakeStatus: 'WAITING', operatorOrganizationId: null, territoryOktmo: null });
    expect(await queueIds(irkutsk)).toContain(signal.id);
    expect(await queueIds(bratsk)).toContain(signal.id);
    expect(await queueIds(bratsk, ORG.bratskOperator.oktmo)).not.toContain(signal.id);

    const closed = await ok(bratsk, CLOSE, { input: { signalId: signal.id, reason: 'OTHER_TERRITORY', comment: 'Проживает в Иркутске' } });
    expect(closed.closeSignal.signal).toMatchObject({ intakeStatus: 'CLOSED', closeReason: 'OTHER_TERRITORY', closedOn: today() });
    expect(await queueIds(irkutsk)).not.toContain(signal.id);
  });

  it("a partner's signal on a territory with several operators (Irkutsk city) is seen, refetched and taken by their coordinators only, not region-wide (seed 003 §20)", async () => {
    const submitted = await ok(partner, SUBMIT, {
      input: {
        idempotencyKey: 'intake-e2e-unrouted-city',
        source: 'IPRA_EXTRACT',
        personSnils: snilsFromSequence(777_100_002),
        receivedOn: today(),
        summary: 'Выписка из ИПРА: гражданин не найден, проживает в Иркутске',
        territoryOktmo: ORG.irkutskOperator.oktmo,
      },
    });
    const signal = submitted.submitSignal.signal;
    expect(signal).toMatchObject({ intakeStatus: 'WAITING', operatorOrganizationId: null, territoryOktmo: ORG.irkutskOperator.oktmo });
    expect(await queueIds(irkutsk)).toContain(signal.id);
    expect(await queueIds(bratsk)).not.toContain(signal.id);
    expect(await queueIds(angarsk)).not.toContain(signal.id);
    const NODE = `query($id: ID!) { node(id: $id) { ... on Signal { personSnils summary } } }`;
    expect((await ok(irkutsk, NODE, { id: signal.id })).node.summary).toMatch(/ИПРА/);
    expect((await hub.query(bratsk, NODE, { id: signal.id })).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    const refused = await hub.query(bratsk, CLOSE, { input: { signalId: signal.id, reason: 'OTHER_TERRITORY' } });
    expect(refused.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    expect(await queueIds(irkutsk)).toContain(signal.id);
  });

  it('a partner that names the territory routes the signal to that territory’s operator', async () => {
    const submitted = await ok(partner, SUBMIT, {
      input: {
        idempotencyKey: 'intake-e2e-routed',
        source: 'HEALTH_INSTITUTION',
        receivedOn: today(),
        summary: 'Ребёнок группы риска, родители без СНИЛС',
        territoryOktmo: ORG.bratskOperator.oktmo,
      },
    });
    const signal = submitted.submitSignal.signal;
    expect(signal.territoryOktmo).toBe(ORG.bratskOperator.oktmo);
    expect(signal.operatorOrganizationId).toBe(globalId('Organization', ORG.bratskOperator.id));
    expect(await queueIds(irkutsk)).not.toContain(signal.id);
  });

  it('closing without a reason is a coded user error and changes nothing; with a reason the signal leaves the queue, and a retry answers the same', async () => {
    const submitted = await ok(irkutsk, SUBMIT, {
      input: {
        idempotencyKey: 'intake-e2e-close',
        source: 'HELPLINE',
        receivedOn: today(),
        summary: 'Вопрос о льготах',
        helpline: { callerName: 'Сидорова А. А.' },
      },
    });
    const id = submitted.submitSignal.signal.id;
    const missing = await ok(irkutsk, CLOSE, { input: { signalId: id } });
    expect(missing.closeSignal).toMatchObject({ signal: null, userErrors: [{ code: 'BAD_USER_INPUT', field: ['input', 'reason'] }] });
    const other = await ok(irkutsk, CLOSE, { input: { signalId: id, reason: 'OTHER' } });
    expect(other.closeSignal.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'comment'] });
    expect(await queueIds(irkutsk)).toContain(id);

    const input = { signalId: id, reason: 'CONSULTATION_GIVEN', comment: 'Разъяснён порядок' };
    const closed = await ok(irkutsk, CLOSE, { input });
    expect(closed.closeSignal.signal).toMatchObject({
      intakeStatus: 'CLOSED',
      closeReason: 'CONSULTATION_GIVEN',
      closeComment: 'Разъяснён порядок',
    });
    expect((await ok(irkutsk, CLOSE, { input })).closeSignal.signal.id).toBe(id);
    expect(await queueIds(irkutsk)).not.toContain(id);
    const foreign = await hub.query(bratsk, CLOSE, {
      input: { signalId: globalId('Signal', DEMO_INTAKE.anonymousCall), reason: 'DUPLICATE' },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });

  it("registering the person of the demo's unknown IPRA extract opens their case in IDENTIFIED on the day the signal arrived; a retry answers the same person", async () => {
    const signalId = globalId('Signal', DEMO_INTAKE.unknownIpra);
    const input = {
      signalId,
      newFamily: { displayName: 'Орловы', address: 'г. Иркутск, ул. Ленина, 5' },
      relation: 'CHILD',
      snils: DEMO_INTAKE.unknownSnils,
      lastName: 'Орлов',
      firstName: 'Михаил',
      bornOn: '2016-02-10',
      sex: 'MALE',
      disabilityGroup: 'DISABLED_CHILD',
      idempotencyKey: 'intake-e2e-orlov',
    };
    const wrong = await ok(irkutsk, REGISTER_FROM, { input: { ...input, snils: snilsFromSequence(777_100_002) } });
    expect(wrong.registerPersonFromSignal.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT' });

    const first = (await ok(irkutsk, REGISTER_FROM, { input })).registerPersonFromSignal;
    expect(first.userErrors).toEqual([]);
    expect(first.signal.intakeStatus).toBe('MATCHED');
    expect(first.supportCase.stage).toBe('IDENTIFIED');
    // The 5-working-day contact term counts from the signal's arrival, not from the day it was matched (seed 003 §16).
    expect(first.supportCase.openedOn).toBe(first.signal.receivedOn);
    expect(first.signal.receivedOn < today()).toBe(true);
    const signal = await ok(irkutsk, `query { intakeQueue(first: 100) { edges { node { id } } } }`);
    expect(signal.intakeQueue.edges.map((e: any) => e.node.id)).not.toContain(signalId);
    const again = (await ok(irkutsk, REGISTER_FROM, { input })).registerPersonFromSignal;
    expect(again.person.id).toBe(first.person.id);
    expect(again.supportCase.id).toBe(first.supportCase.id);
  });

  it('matching a waiting personal appeal to a person of my family opens their case as a matched signal does; a retry answers the same case, another person is refused', async () => {
    const family = await ok(irkutsk, `mutation { registerFamily(input: { displayName: "Зайцевы" }) { family { id } } }`);
    const familyId = family.registerFamily.family.id;
    const register = `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code } } }`;
    const person = async (seq: number, firstName: string) =>
      (
        await ok(irkutsk, register, {
          input: {
            familyId,
            relation: 'CHILD',
            snils: snilsFromSequence(seq),
            lastName: 'Зайцев',
            firstName,
            bornOn: '2018-03-03',
            sex: 'MALE',
          },
        })
      ).registerPerson.person.id as string;
    const child = await person(777_100_010, 'Пётр');
    const sibling = await person(777_100_011, 'Павел');
    const appeal = await ok(irkutsk, SUBMIT, {
      input: { idempotencyKey: 'intake-e2e-appeal', source: 'PERSONAL_APPEAL', receivedOn: today(), summary: 'Мать просит помочь с ТСР' },
    });
    const signalId = appeal.submitSignal.signal.id;
    expect(appeal.submitSignal.signal.intakeStatus).toBe('WAITING');

    const matched = (await ok(irkutsk, MATCH, { input: { signalId, personId: child } })).matchSignal;
    expect(matched.userErrors).toEqual([]);
    expect(matched.signal).toMatchObject({ intakeStatus: 'MATCHED', personId: child });
    expect(matched.supportCase).toMatchObject({ stage: 'IDENTIFIED', openedOn: today(), person: { id: child } });
    const retry = (await ok(irkutsk, MATCH, { input: { signalId, personId: child } })).matchSignal;
    expect(retry.supportCase.id).toBe(matched.supportCase.id);
    const other = (await ok(irkutsk, MATCH, { input: { signalId, personId: sibling } })).matchSignal;
    expect(other.userErrors[0].code).toBe('ILLEGAL_TRANSITION');
    const foreign = await hub.query(bratsk, MATCH, {
      input: { signalId: globalId('Signal', DEMO_INTAKE.personalAppeal), personId: child },
    });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});

describe('a known person in no family (seed 003 §15–16)', () => {
  it("a signal about them waits; matching it with one of my families adds them to it and opens the family's case", async () => {
    const snils = snilsFromSequence(777_100_030);
    const personId = '5b0e7c2a-0000-4000-8000-0000000f0030';
    // The register holds people outside any family (loaded from a register before families were kept): insert one.
    await hub.subgraphs['social-protection'].database.orm.em
      .fork()
      .getConnection()
      .execute(
        `insert into "person" ("id", "snils", "last_name", "first_name", "birth_date", "sex") values ('${personId}', '${snils}', 'Белова', 'Мария', '1960-06-01', 'FEMALE')`,
      );
    const submitted = await ok(partner, SUBMIT, {
      input: {
        idempotencyKey: 'intake-e2e-no-family',
        source: 'IPRA_EXTRACT',
        personSnils: snils,
        receivedOn: today(),
        summary: 'Выписка из ИПРА',
        territoryOktmo: ORG.irkutskOperator.oktmo,
      },
    });
    const signalId = submitted.submitSignal.signal.id;
    expect(submitted.submitSignal.signal.intakeStatus).toBe('WAITING');
    expect(await queueIds(irkutsk)).toContain(signalId);

    const person = globalId('Person', personId);
    const without = (await ok(irkutsk, MATCH, { input: { signalId, personId: person } })).matchSignal;
    expect(without.userErrors[0]).toMatchObject({ code: 'BAD_USER_INPUT', field: ['input', 'familyId'] });
    const family = await ok(irkutsk, `mutation { registerFamily(input: { displayName: "Беловы" }) { family { id } } }`);
    const matched = (
      await ok(irkutsk, MATCH, { input: { signalId, personId: person, familyId: family.registerFamily.family.id, relation: 'PARENT' } })
    ).matchSignal;
    expect(matched.userErrors).toEqual([]);
    expect(matched.supportCase).toMatchObject({ stage: 'IDENTIFIED', person: { id: person } });
    expect(await queueIds(irkutsk)).not.toContain(signalId);
  });
});

describe('the journals and their CSV files (seed 004 §5.1, annex 4 §3.5; seed 000 §3)', () => {
  it('the helpline call journal lists the calls with their journal columns; an anonymous call has no name (seed 004 annex 4 §3.6)', async () => {
    const journal = await ok(
      irkutsk,
      `query { helplineCallJournal(first: 100) { totalCount edges { node { id callNumber calledAt callerName callerAnonymous callerCategory result serviceCode intakeStatus } } } }`,
    );
    const nodes = journal.helplineCallJournal.edges.map((e: any) => e.node);
    expect(nodes.find((n: any) => n.id === globalId('Signal', DEMO_INTAKE.anonymousCall))).toMatchObject({
      callerName: null,
      callNumber: '2',
    });
    expect(nodes.find((n: any) => n.id === globalId('Signal', DEMO_INTAKE.consultationCall))).toMatchObject({
      callerName: 'Кузьмина Валентина Петровна',
      intakeStatus: 'CLOSED',
      serviceCode: '4.1',
    });
  });

  it('the call journal exports as CSV under the eight headers of seed 004 annex 4 §3.5, quoting what needs it', async () => {
    const csv = (await ok(irkutsk, CSV, { journal: 'HELPLINE_CALLS' })).journalCsv;
    expect(csv.mediaType).toBe('text/csv; charset=utf-8');
    expect(csv.fileName).toMatch(/^helpline-calls_.*\.csv$/);
    const [header, ...rows] = parseCsv(csv.content);
    expect(header).toEqual([...HELPLINE_CALL_COLUMNS]);
    expect(rows).toHaveLength(csv.rowCount);
    const anonymous = rows.find((r) => r[5].startsWith('Анонимный звонок'));
    expect(anonymous?.[2]).toBe('');
    expect(anonymous?.[5]).toBe('Анонимный звонок: соседка после инсульта живёт одна, не выходит из дома, родственников нет');
  });

  it('the primary registration journal lists the cases my organization opened, with CSV; the period filters it', async () => {
    const journal = await ok(irkutsk, `query { primaryRegistrationJournal(first: 100) { totalCount edges { node { id openedOn } } } }`);
    const ids = journal.primaryRegistrationJournal.edges.map((e: any) => e.node.id);
    expect(ids).toContain(globalId('SupportCase', DEMO_SUPPORT.ivanovCase));
    expect(ids).not.toContain(globalId('SupportCase', DEMO_SUPPORT.petrovCase));
    const todayOnly = await ok(
      irkutsk,
      `query($p: PeriodInput) { primaryRegistrationJournal(first: 100, period: $p) { edges { node { id } } } }`,
      {
        p: { startsOn: today(), endsOn: today() },
      },
    );
    expect(todayOnly.primaryRegistrationJournal.edges.map((e: any) => e.node.id)).not.toContain(
      globalId('SupportCase', DEMO_SUPPORT.ivanovCase),
    );
    const csv = (await ok(irkutsk, CSV, { journal: 'PRIMARY_REGISTRATION' })).journalCsv;
    const [header, ...rows] = parseCsv(csv.content);
    expect(header).toEqual([...PRIMARY_REGISTRATION_COLUMNS]);
    expect(rows.length).toBe(journal.primaryRegistrationJournal.totalCount);
  });

  it('the appeals journal holds personal and organizations’ appeals; an analyst reads no journal (seed 003 §34: aggregates only)', async () => {
    const journal = await ok(irkutsk, `query { appealJournal(first: 100) { edges { node { id source } } } }`);
    const nodes = journal.appealJournal.edges.map((e: any) => e.node);
    expect(nodes.map((n: any) => n.id)).toContain(globalId('Signal', DEMO_INTAKE.personalAppeal));
    expect(nodes.every((n: any) => ['PERSONAL_APPEAL', 'ORGANIZATION_APPEAL'].includes(n.source))).toBe(true);
    for (const query of [`query { appealJournal(first: 5) { totalCount } }`, `query { journalCsv(journal: APPEALS) { rowCount } }`]) {
      expect((await hub.query(analyst, query)).errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
    }
  });
});

describe('failed contact attempts (seed 003 §16–18)', () => {
  const CASE = `query($id: ID!) { supportCase(id: $id) { stage nextContactMethod contactAttempts { attemptedOn method outcome note } } }`;
  const RECORD = `mutation($input: RecordContactAttemptInput!) { recordContactAttempt(input: $input) {
    contactAttempt { id method outcome } supportCase { nextContactMethod contactAttempts { method } } userErrors { code rule field } } }`;

  it("the demo's Smirnova case shows a failed call and a failed home visit; a letter by post is next (seed 003 §18)", async () => {
    const c = (await ok(angarsk, CASE, { id: globalId('SupportCase', DEMO_SUPPORT.smirnovaCase) })).supportCase;
    expect(c.stage).toBe('IDENTIFIED');
    expect(c.contactAttempts.map((a: any) => [a.method, a.outcome])).toEqual([
      ['PHONE', 'NOT_REACHED'],
      ['HOME_VISIT', 'NOT_REACHED'],
    ]);
    expect(c.nextContactMethod).toBe('POST');
    const person = await ok(angarsk, `query($id: ID!) { person(id: $id) { socialProtectionRoute { steps { kind title recordId } } } }`, {
      id: globalId('Person', P.ninaSmirnova.id),
    });
    const attempts = person.person.socialProtectionRoute.steps.filter((s: any) => s.kind === 'CONTACT_ATTEMPT');
    expect(attempts.map((s: any) => s.title)).toEqual([
      'Звонок гражданину: не удалось связаться',
      'Выезд по месту жительства: не удалось связаться',
    ]);
    expect(attempts[0].recordId).toMatch(/^ContactAttempt:/);
  });

  it('a home visit before any call is refused with the rule; after a failed call it is recorded, and a retry answers the same attempt', async () => {
    const appeal = await ok(irkutsk, SUBMIT, {
      input: { idempotencyKey: 'intake-e2e-contact', source: 'PERSONAL_APPEAL', receivedOn: today(), summary: 'Просит сопровождение' },
    });
    const family = await ok(irkutsk, `mutation { registerFamily(input: { displayName: "Гусевы" }) { family { id } } }`);
    const registered = (
      await ok(irkutsk, REGISTER_FROM, {
        input: {
          signalId: appeal.submitSignal.signal.id,
          familyId: family.registerFamily.family.id,
          relation: 'CHILD',
          snils: snilsFromSequence(777_100_020),
          lastName: 'Гусев',
          firstName: 'Илья',
          bornOn: '2015-01-01',
          sex: 'MALE',
          phone: '+7 3952 00-00-00',
        },
      })
    ).registerPersonFromSignal;
    const supportCaseId = registered.supportCase.id;
    const visit = await ok(irkutsk, RECORD, { input: { supportCaseId, method: 'HOME_VISIT', outcome: 'NOT_REACHED' } });
    expect(visit.recordContactAttempt.userErrors[0]).toMatchObject({ code: 'RULE_VIOLATION', rule: 'seed 003 §17' });

    const call = { supportCaseId, method: 'PHONE', outcome: 'NOT_REACHED', note: 'Не отвечает', idempotencyKey: 'intake-e2e-call-1' };
    const first = (await ok(irkutsk, RECORD, { input: call })).recordContactAttempt;
    expect(first.supportCase.nextContactMethod).toBe('HOME_VISIT');
    const retry = (await ok(irkutsk, RECORD, { input: call })).recordContactAttempt;
    expect(retry.contactAttempt.id).toBe(first.contactAttempt.id);
    expect(retry.supportCase.contactAttempts).toHaveLength(1);
    const letter = await ok(irkutsk, RECORD, { input: { supportCaseId, method: 'POST', outcome: 'SENT' } });
    expect(letter.recordContactAttempt.userErrors[0]).toMatchObject({ code: 'RULE_VIOLATION', rule: 'seed 003 §18' });
    const visited = (await ok(irkutsk, RECORD, { input: { supportCaseId, method: 'HOME_VISIT', outcome: 'REACHED' } }))
      .recordContactAttempt;
    expect(visited.supportCase.nextContactMethod).toBeNull();
    const foreign = await hub.query(bratsk, RECORD, { input: { supportCaseId, method: 'PHONE', outcome: 'REACHED' } });
    expect(foreign.errors?.[0]?.extensions?.code).toBe('FORBIDDEN');
  });
});
