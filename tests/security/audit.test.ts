import { randomUUID } from 'node:crypto';
import { AuditRecord } from '../../subgraphs/kit/audit';
import { DEMO_PEOPLE } from '../../subgraphs/kit/demo-people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo-organizations';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub();
});
afterAll(() => hub?.stop());

const artyom = DEMO_PEOPLE.artyomIvanov.id;

async function ask(token: string, query: string, variables: Record<string, unknown>) {
  const requestId = randomUUID();
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}`, 'x-request-id': requestId },
    body: JSON.stringify({ query, variables }),
  });
  return { requestId, body: (await response.json()) as any };
}

const recordsOf = (subgraph: string, requestId: string) =>
  hub.subgraphs[subgraph].database.orm.em.fork().find(AuditRecord, { requestId });

test('an allowed read of personal data leaves exactly one audit record per agency that served it', async () => {
  const token = await hub.token({ subject: 'coordinator-ivanova', role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const { requestId, body } = await ask(token, `query($id: ID!) { person(id: $id) { firstName birthDate healthRoute { agency } } }`, { id: artyom });
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
  const stranger = await hub.token({ subject: 'coordinator-angarsk', role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.angarskOperator.id });
  const { requestId, body } = await ask(stranger, `query($id: ID!) { person(id: $id) { disabilityGroup } }`, { id: artyom });
  expect(body.data.person).toEqual({ disabilityGroup: null });
  expect(body.errors[0].extensions.code).toBe('FORBIDDEN');
  const records = await recordsOf('social-protection', requestId);
  expect(records.map((r) => [r.action, r.operation, r.subject, r.reason])).toEqual([['DENIED', 'Person.disabilityGroup', 'coordinator-angarsk', 'FORBIDDEN']]);
});

test('the audit trail is append-only', async () => {
  const em = hub.subgraphs['social-protection'].database.orm.em.fork();
  const before = await em.count(AuditRecord, {});
  await em.getConnection().execute('update audit_record set subject = ?', ['someone-else']);
  await em.getConnection().execute('delete from audit_record');
  expect(await em.count(AuditRecord, {})).toBe(before);
  expect(await em.count(AuditRecord, { subject: 'someone-else' })).toBe(0);
});

test("the person's coordinator sees who accessed the person's data, across agencies, newest first", async () => {
  const reader = await hub.token({ subject: 'health-nurse-1', role: 'SPECIALIST', agency: 'HEALTH' });
  await ask(reader, `query($id: ID!) { person(id: $id) { healthRoute { agency } } }`, { id: artyom });
  const coordinator = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const { body } = await ask(coordinator, `query($id: ID!) { accessLog(personId: $id) { at agency subject role action operation } }`, { id: artyom });
  expect(body.errors).toBeUndefined();
  const log = body.data.accessLog as { at: string; agency: string; subject: string }[];
  expect(log).toContainEqual(expect.objectContaining({ agency: 'HEALTH', subject: 'health-nurse-1', role: 'SPECIALIST', action: 'READ' }));
  expect(log).toContainEqual(expect.objectContaining({ agency: 'SOCIAL_PROTECTION', subject: 'coordinator-ivanova' }));
  expect(log.map((e) => e.at)).toEqual([...log.map((e) => e.at)].sort().reverse());

  const outsider = await hub.token({ role: 'ANALYST' });
  const refused = await ask(outsider, `query($id: ID!) { accessLog(personId: $id) { at } }`, { id: artyom });
  expect(refused.body.errors[0].extensions.code).toBe('FORBIDDEN');
});
