import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { devSubgraphKeys } from '../../gateway/dev-keys';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IDENTITY_HEADER, IdentitySigner } from '../../subgraphs/kit/platform/identity';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/platform/subgraph';
import { captureProxy, sendToSubgraph, type CapturedRequest } from '../support/capture-proxy';
import { silentLogger, startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 13 §2, tried as the attacker did: a capture proxy between the gateway and the subgraphs
 * keeps every header and body of a coordinator's family route, and the headers are sent on elsewhere.
 */
const proxy = captureProxy();
const databases: Record<string, string> = {};
let hub: TestHub;
let fetches: CapturedRequest[];
beforeAll(async () => {
  hub = await startTestHub({ subgraphUrl: proxy.via, databaseUrl: (service, url) => (databases[service] = url) });
  const coordinator = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const route = await hub.query(coordinator, `query($id: ID!) { family(id: $id) { route { steps { agency title } } } }`, {
    id: globalId('Family', DEMO_FAMILIES.ivanov),
  });
  expect(route.errors).toBeUndefined();
  fetches = [...proxy.captured];
});
afterAll(async () => {
  await hub?.stop();
  await proxy.stop();
});

/** The subgraphs a family route calls: every agency (the schema registry serves administrators, not routes). */
const inRoute = (name: string) => name !== 'registry';

const fetchTo = (service: string) => {
  const found = fetches.find((f) => f.service === service && f.headers[IDENTITY_HEADER]);
  if (!found) throw new Error(`no fetch to ${service} was captured`);
  return found;
};
/** The same operation with one variable changed, as an attacker would ask for another person (ids are global: `Person:<uuid>`). */
const alteredBody = (body: string) =>
  body.replace(/"id":"([A-Z][A-Za-z0-9]*:)?[0-9a-f-]{36}"/, (_id, type = '') => `"id":"${type}00000000-0000-4000-8000-0000000000ff"`);

test('the family route called every founding agency, each with its own signed header', () => {
  expect(new Set(fetches.map((f) => f.service))).toEqual(
    new Set([...SUBGRAPH_MODULES.map((m) => m.name).filter(inRoute), hub.assembly.name]),
  );
  expect(new Set(fetches.map((f) => f.headers[IDENTITY_HEADER])).size).toBe(fetches.length);
});

test("a header captured on the way to education is refused by every other subgraph, with education's body or any other", async () => {
  const { headers, body } = fetchTo('education');
  for (const subgraph of Object.values(hub.subgraphs).filter((s) => s.name !== 'education' && inRoute(s.name))) {
    const answer = await sendToSubgraph(subgraph.url, headers[IDENTITY_HEADER], body);
    expect([subgraph.name, answer.status, answer.reason, answer.body.data ?? null]).toEqual([subgraph.name, 401, 'wrong-audience', null]);
    const own = fetchTo(subgraph.name).body;
    expect([subgraph.name, (await sendToSubgraph(subgraph.url, headers[IDENTITY_HEADER], own)).reason]).toEqual([
      subgraph.name,
      'wrong-audience',
    ]);
  }
});

test('a captured header attached to another body is refused by the subgraph it was signed for', async () => {
  for (const { service, headers, body } of fetches.filter((f) => f.headers[IDENTITY_HEADER])) {
    const altered = alteredBody(body) !== body ? alteredBody(body) : body.replace('}', ' }');
    const answer = await sendToSubgraph(urlOf(service), headers[IDENTITY_HEADER], altered);
    expect([service, answer.status, answer.reason]).toEqual([service, 401, 'body-mismatch']);
    // One byte more, where JSON does not care, is another body too.
    expect((await sendToSubgraph(urlOf(service), headers[IDENTITY_HEADER], `${body} `)).reason).toBe('body-mismatch');
  }
});

async function educationInstance(): Promise<RunningSubgraph> {
  const module = SUBGRAPH_MODULES.find((m) => m.name === 'education')!;
  return startSubgraph(module, { databaseUrl: databases.education, keys: devSubgraphKeys('education', hub.keys), logger: silentLogger });
}

async function verdicts(instance: RunningSubgraph) {
  const education = fetchTo('education');
  const health = fetchTo('health');
  const old = new IdentitySigner(hub.keys.gateway.privateJwk).sign(
    {
      subject: 'intruder',
      role: 'COORDINATOR',
      organizationId: null,
      territoryOktmo: null,
      agency: null,
      grants: [],
      requestId: '00000000-0000-4000-8000-000000000001',
    },
    'education',
    education.body,
    Date.now() - 5 * 60_000,
  );
  return {
    asSent: (await sendToSubgraph(instance.url, education.headers[IDENTITY_HEADER], education.body)).status,
    anotherBody: (await sendToSubgraph(instance.url, education.headers[IDENTITY_HEADER], alteredBody(education.body))).reason,
    healthsHeader: (await sendToSubgraph(instance.url, health.headers[IDENTITY_HEADER], health.body)).reason,
    signedLongAgo: (await sendToSubgraph(instance.url, old, education.body)).reason,
  };
}
// The request as the gateway sent it is served (a retry may reach any replica); everything moved or altered is refused.
const EXPECTED = { asSent: 200, anotherBody: 'body-mismatch', healthsHeader: 'wrong-audience', signedLongAgo: 'expired' };

test('after a restart a subgraph refuses exactly what it refused before: it has no memory to lose', async () => {
  let instance = await educationInstance();
  try {
    expect(await verdicts(instance)).toEqual(EXPECTED);
    await instance.stop();
    instance = await educationInstance();
    expect(await verdicts(instance)).toEqual(EXPECTED);
  } finally {
    await instance.stop();
  }
});

test('two replicas of one subgraph answer alike: neither needs to know what the other has seen', async () => {
  const replicas = [await educationInstance(), await educationInstance()];
  try {
    expect(await Promise.all(replicas.map(verdicts))).toEqual([EXPECTED, EXPECTED]);
  } finally {
    await Promise.all(replicas.map((r) => r.stop()));
  }
});

/** Where a service runs: an agency's subgraph or the assembly subgraph. */
const urlOf = (service: string) => (service === hub.assembly.name ? hub.assembly.url : hub.subgraphs[service].url);
