import { randomUUID } from 'node:crypto';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IDENTITY_HEADER } from '../../subgraphs/kit/platform/identity';
import { Consent } from '../../subgraphs/social-protection/consent/consent.entity';
import { culturePartner } from '../route/culture-partner';
import { captureProxy, sendToSubgraph } from '../support/capture-proxy';
import { startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 13 §4: a partner agency gets only what it needs. The curious partner is the culture subgraph of the
 * route tests with a recorder at its door: it keeps every header and body the hub sends it, then tries each
 * against every founding agency.
 */
const recorder = captureProxy();
let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    modules: [...SUBGRAPH_MODULES, culturePartner(DEMO_PEOPLE.artyomIvanov.id)],
    subgraphUrl: (service, url) => (service === 'culture' ? recorder.via(service, url) : url),
  });
  // Artyom's consent covers the partner, so the partner receives a grant that says so.
  await hub.subgraphs['social-protection'].database.orm.em.fork().insert(Consent, {
    id: randomUUID(),
    person: DEMO_PEOPLE.artyomIvanov.id,
    agencies: ['CULTURE', 'HEALTH'],
    givenOn: daysFromToday(-30),
    expiresOn: null,
    revokedOn: null,
    signedByPersonId: DEMO_PEOPLE.elenaIvanova.id,
  });
  const coordinator = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const route = await hub.query(coordinator, `query($id: ID!) { family(id: $id) { route { steps { agency title } } } }`, {
    id: globalId('Family', DEMO_FAMILIES.ivanov),
  });
  expect(route.errors).toBeUndefined();
  expect(route.data?.family.route.steps).toContainEqual({ agency: 'CULTURE', title: 'Инклюзивный спектакль в драмтеатре' });
  const person = await hub.query(
    coordinator,
    `query($id: ID!) { person(id: $id) { cultureRoute { steps { title } } healthRoute { steps { kind } } } }`,
    {
      id: globalId('Person', DEMO_PEOPLE.artyomIvanov.id),
    },
  );
  expect(person.errors).toBeUndefined();
});
afterAll(async () => {
  await hub?.stop();
  await recorder.stop();
});

const claimsOf = (header: string) => JSON.parse(Buffer.from(header.split('.')[1], 'base64url').toString('utf8'));

test('every identity the partner received is addressed to the partner alone, and grants came with it', () => {
  const received = recorder.captured.filter((r) => r.headers[IDENTITY_HEADER]);
  expect(received.length).toBeGreaterThanOrEqual(2);
  expect(new Set(received.map((r) => claimsOf(r.headers[IDENTITY_HEADER]).aud))).toEqual(new Set(['culture']));
  expect(received.some((r) => r.body.includes('"grant":"ey'))).toBe(true);
});

test('the partner replays every header and body it received against every founding agency: all refused, nothing read', async () => {
  const founding = Object.values(hub.subgraphs).filter((s) => s.name !== 'culture');
  const answers = new Set<string>();
  for (const { headers, body } of recorder.captured) {
    for (const agency of founding) {
      const answer = await sendToSubgraph(agency.url, headers[IDENTITY_HEADER], body);
      answers.add(`${answer.status} ${answer.reason} ${JSON.stringify(answer.body.data ?? null)}`);
      // The same header with a question of the partner's own making.
      const asked = JSON.stringify({ query: '{ _entities(representations: [{ __typename: "Person", id: "x" }]) { __typename } }' });
      const second = await sendToSubgraph(agency.url, headers[IDENTITY_HEADER], asked);
      answers.add(`${second.status} ${second.reason} ${JSON.stringify(second.body.data ?? null)}`);
    }
  }
  expect([...answers]).toEqual(['401 wrong-audience null']);
});

test("the partner's recorded body with the grants in it, sent to health with the partner's header, reads no health record", async () => {
  const withGrant = recorder.captured.find((r) => r.body.includes('"grant":"ey'))!;
  const answer = await sendToSubgraph(
    hub.subgraphs.health.url,
    withGrant.headers[IDENTITY_HEADER],
    withGrant.body.replace(/cultureRoute/g, 'healthRoute'),
  );
  expect([answer.status, answer.reason, answer.body.data ?? null]).toEqual([401, 'wrong-audience', null]);
});
