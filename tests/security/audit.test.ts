import { randomUUID } from 'node:crypto';
import { AuditRecord, AuditTrail, AuditWriter } from '../../subgraphs/kit/policy/audit';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { DEMO_SUPPORT } from '../../subgraphs/social-protection/data/demo-support';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const artyom = DEMO_PEOPLE.artyomIvanov.id;
/** Artyom as the API names him; the audit trail keeps the uuid. */
const artyomId = globalId('Person', artyom);

async function ask(token: string, query: string, variables: Record<string, unknown>) {
  const requestId = randomUUID();
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId, body: (await response.json()) as any };
}

const recordsOf = (subgraph: string, requestId: string) => hub.subgraphs[subgraph].database.orm.em.fork().find(AuditRecord, { requestId });

test('an allowed read of personal data leaves exactly one audit record per agency that served it', async () => {
  const token = await hub.token({
    subject: 'coordinator-ivanova',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id,
  });
  const { requestId, body } = await ask(token, `query($id: ID!) { person(id: $id) { firstName bornOn healthRoute { agency } } }`, {
    id: artyomId,
  });
  expect(body.errors).toBeUndefined();
  const social = await recordsOf('social-protection', requestId);
  expect(social).toHaveLength(1);
  expect(social[0]).toMatchObject({
    action: 'READ',
    subject: 'coordinator-ivanova',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id,
    subgraph: 'social-protection',
    personIds: [artyom],
  });
  const health = await recordsOf('health', requestId);
  expect(health.map((r) => [r.action, r.operation, r.personIds])).toEqual([['READ', 'Person.healthRoute', [artyom]]]);
  expect(await recordsOf('education', requestId)).toHaveLength(0);
});

test('a refused read is recorded as denied', async () => {
  const stranger = await hub.token({
    subject: 'coordinator-angarsk',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.angarskOperator.id,
  });
  const { requestId, body } = await ask(stranger, `query($id: ID!) { person(id: $id) { disabilityGroup } }`, { id: artyomId });
  expect(body.data.person).toEqual({ disabilityGroup: null });
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  const records = await recordsOf('social-protection', requestId);
  expect(records.map((r) => [r.action, r.operation, r.subject, r.reason])).toEqual([
    ['DENIED', 'Person.disabilityGroup', 'coordinator-angarsk', 'FORBIDDEN'],
  ]);
});

test("a coordinator of another operator organization asking for a family is refused (seed 003 §33), and social protection records the refusal against the family's members", async () => {
  const stranger = await hub.token({
    subject: 'coordinator-angarsk',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.angarskOperator.id,
  });
  const { requestId, body } = await ask(stranger, `query($id: ID!) { family(id: $id) { displayName } }`, {
    id: globalId('Family', DEMO_FAMILIES.ivanov),
  });
  expect(body.data?.family ?? null).toBeNull();
  expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  const records = await recordsOf('social-protection', requestId);
  expect(records.map((r) => [r.action, r.operation, r.subject, r.organizationId, r.reason])).toEqual([
    ['DENIED', 'family', 'coordinator-angarsk', DEMO_ORGANIZATIONS.angarskOperator.id, 'FORBIDDEN'],
  ]);
  expect([...records[0].personIds].sort()).toEqual([DEMO_PEOPLE.elenaIvanova.id, artyom].sort());
});

test('a coordinator of another operator organization asking for a support case is refused, and the refusal is recorded against its person', async () => {
  const stranger = await hub.token({
    subject: 'coordinator-angarsk',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.angarskOperator.id,
  });
  const { requestId, body } = await ask(stranger, `query($id: ID!) { supportCase(id: $id) { id } }`, {
    id: globalId('SupportCase', DEMO_SUPPORT.ivanovCase),
  });
  expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  const records = await recordsOf('social-protection', requestId);
  expect(records.map((r) => [r.action, r.operation, r.personIds, r.reason])).toEqual([['DENIED', 'SupportCase', [artyom], 'FORBIDDEN']]);
});

test('a coordinator registering a person into a family of another organization is refused, nothing is written, and the refusal is audited', async () => {
  const stranger = await hub.token({
    subject: 'coordinator-angarsk',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.angarskOperator.id,
  });
  const { requestId, body } = await ask(
    stranger,
    `mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code } } }`,
    {
      input: {
        familyId: globalId('Family', DEMO_FAMILIES.ivanov),
        relation: 'CHILD',
        snils: '111-111-112 46',
        lastName: 'Иванова',
        firstName: 'Мария',
        bornOn: '2015-03-01',
        sex: 'FEMALE',
      },
    },
  );
  expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  const records = await recordsOf('social-protection', requestId);
  expect(records.map((r) => [r.action, r.operation, r.reason])).toEqual([['DENIED', 'registerPerson', 'FORBIDDEN']]);
  const rows = await hub.subgraphs['social-protection'].database.orm.em
    .getConnection()
    .execute(`select count(*)::int as n from person where snils = '11111111246'`);
  expect(rows[0].n).toBe(0);
});

test('a role the family query is not open to is refused at the role gate, and that refusal is audited too', async () => {
  const analyst = await hub.token({ subject: 'analyst-1', role: 'ANALYST' });
  const { requestId, body } = await ask(analyst, `query($id: ID!) { family(id: $id) { displayName } }`, {
    id: globalId('Family', DEMO_FAMILIES.ivanov),
  });
  expect(body.errors.map((e: any) => e.extensions.code)).toEqual(['FORBIDDEN']);
  const records = await recordsOf('social-protection', requestId);
  expect(records.map((r) => [r.action, r.operation, r.subject, r.role, r.reason, r.personIds])).toEqual([
    ['DENIED', 'Query.family', 'analyst-1', 'ANALYST', 'FORBIDDEN', []],
  ]);
});

test('the audit trail is append-only: the subgraph’s own connection can neither update, delete nor truncate it', async () => {
  const em = hub.subgraphs['social-protection'].database.orm.em.fork();
  const before = await em.count(AuditRecord, {});
  expect(before).toBeGreaterThan(0);
  await em.getConnection().execute('update audit_record set subject = ?', ['someone-else']);
  await em.getConnection().execute('delete from audit_record');
  await expect(em.getConnection().execute('truncate audit_record')).rejects.toThrow(/append-only/);
  expect(await em.count(AuditRecord, {})).toBe(before);
  expect(await em.count(AuditRecord, { subject: 'someone-else' })).toBe(0);
});

test("the person's coordinator sees who accessed the person's data, across agencies, newest first", async () => {
  const reader = await hub.token({ subject: 'health-nurse-1', role: 'SPECIALIST', agency: 'HEALTH' });
  await ask(reader, `query($id: ID!) { person(id: $id) { healthRoute { agency } } }`, { id: artyomId });
  const coordinator = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const { body } = await ask(
    coordinator,
    `query($id: ID!) { person(id: $id) { accessLog(first: 100) { edges { node { accessedAt agency subject role action operation } } } } }`,
    {
      id: artyomId,
    },
  );
  expect(body.errors).toBeUndefined();
  const log = body.data.person.accessLog.edges.map((e: any) => e.node) as { accessedAt: string; agency: string; subject: string }[];
  expect(log).toContainEqual(expect.objectContaining({ agency: 'HEALTH', subject: 'health-nurse-1', role: 'SPECIALIST', action: 'READ' }));
  expect(log).toContainEqual(expect.objectContaining({ agency: 'SOCIAL_PROTECTION', subject: 'coordinator-ivanova' }));
  expect(log.map((e) => e.accessedAt)).toEqual([...log.map((e) => e.accessedAt)].sort().reverse());

  const outsider = await hub.token({ role: 'ANALYST' });
  const refused = await ask(outsider, `query($id: ID!) { person(id: $id) { accessLog { edges { node { accessedAt } } } } }`, {
    id: artyomId,
  });
  expect(refused.body.data?.person?.accessLog ?? null).toBeNull();
  expect(refused.body.errors.map((e: any) => e.extensions.code)).toContain('FORBIDDEN');
});

test('concurrent requests share audit commits (group commit), and every request finds its own records committed when it is answered', async () => {
  const token = await hub.token({
    subject: 'coordinator-ivanova',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id,
  });
  const answers = await Promise.all(
    Array.from({ length: 12 }, () => ask(token, `query($id: ID!) { person(id: $id) { healthRoute { agency } } }`, { id: artyomId })),
  );
  for (const { requestId, body } of answers) {
    expect(body.errors).toBeUndefined();
    expect(await recordsOf('health', requestId)).toHaveLength(1);
  }
});

test('the audit writer sends the records that queued during a commit in one INSERT; a bad record fails only its own request', async () => {
  const { database } = hub.subgraphs.health;
  const writer = new AuditWriter(database.orm.em);
  const trail = () =>
    new AuditTrail('health', {
      subject: 's',
      role: 'COORDINATOR',
      organizationId: null,
      territoryOktmo: null,
      agency: null,
      grants: [],
      requestId: randomUUID(),
    } as never);
  const trails = Array.from({ length: 10 }, () => {
    const t = trail();
    t.read('Person.healthRoute', artyom);
    return t;
  });
  const before = database.statements.count;
  await Promise.all(trails.map((t) => t.flush(writer)));
  // The first flush starts an INSERT at once; the nine made while it runs go together in the second.
  expect(database.statements.count - before).toBe(2);

  const broken = trail();
  broken.read('Person.healthRoute', 'not-a-uuid');
  const fine = trail();
  fine.read('Person.healthRoute', artyom);
  const first = trail();
  first.read('Person.healthRoute', artyom);
  const results = await Promise.allSettled([first.flush(writer), broken.flush(writer), fine.flush(writer)]);
  expect(results.map((r) => r.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
});

test("an agency commits the audit record of a route read in the same transaction and round trip as the route's records", async () => {
  const token = await hub.token({
    subject: 'coordinator-ivanova',
    role: 'COORDINATOR',
    organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id,
  });
  const { statements } = hub.subgraphs.health.database;
  const [trips, sql] = [statements.roundTrips, statements.count];
  const { requestId, body } = await ask(token, `query($id: ID!) { person(id: $id) { healthRoute { agency steps { id } } } }`, {
    id: artyomId,
  });
  expect(body.errors).toBeUndefined();
  expect(body.data.person.healthRoute.steps.length).toBeGreaterThan(0);
  // One round trip: the INSERT of the audit record and the SELECTs of the IPRA, measures, referrals and courses.
  expect(statements.roundTrips - trips).toBe(1);
  expect(statements.count - sql).toBe(5);
  expect(await recordsOf('health', requestId)).toEqual([
    expect.objectContaining({ action: 'READ', operation: 'Person.healthRoute', personIds: [artyom] }),
  ]);
});

test('audit records get time-ordered ids, so the ever-growing trail appends to its index instead of writing a random page per record (bench/audit-commit.ts)', async () => {
  const { database } = hub.subgraphs.health;
  const trails = Array.from({ length: 3 }, () => {
    const t = new AuditTrail('health', { subject: 's', role: 'COORDINATOR', organizationId: null, requestId: randomUUID() } as never);
    t.read('Person.healthRoute', artyom);
    return t;
  });
  const inserted: string[] = [];
  for (const t of trails) {
    const insert = t.takeInsert()!;
    inserted.push(insert.match(/values \('([0-9a-f-]{36})'/)![1]);
    await database.orm.em.getConnection().execute(insert);
  }
  expect(inserted.every((id) => id[14] === '7')).toBe(true); // UUID version 7
  expect([...inserted].sort()).toEqual(inserted);
  expect(new AuditRecord().id < new AuditRecord().id).toBe(true);
});
