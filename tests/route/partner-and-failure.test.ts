import { randomUUID } from 'node:crypto';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { Consent } from '../../subgraphs/social-protection/consent/consent.entity';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';
import { culturePartner, partnerSettings } from './culture-partner';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({
    modules: [...SUBGRAPH_MODULES, culturePartner(DEMO_PEOPLE.artyomIvanov.id)],
    gateway: { subgraphTimeoutMs: 1000 },
  });
  // Artyom's mother extends the family's consent to the partner agency.
  await hub.subgraphs['social-protection'].database.orm.em.fork().insert(Consent, {
    id: randomUUID(),
    person: DEMO_PEOPLE.artyomIvanov.id,
    agencies: ['CULTURE'],
    givenOn: daysFromToday(-30),
    expiresOn: null,
    revokedOn: null,
    signedByPersonId: DEMO_PEOPLE.elenaIvanova.id,
  });
});
afterAll(() => hub?.stop());

const ROUTE = `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { route { agencies steps { agency kind title } gaps { agency code personId } } } }`;
const coordinator = () => hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });

test('a sixth subgraph that follows the convention puts its steps in the route with no change elsewhere', async () => {
  const result = await hub.query(await coordinator(), ROUTE);
  expect(result.errors).toBeUndefined();
  const route = result.data?.family.route;
  expect(route.agencies).toContain('CULTURE');
  expect(route.steps).toContainEqual({ agency: 'CULTURE', kind: 'INCLUSIVE_CULTURE_EVENT', title: 'Инклюзивный спектакль в драмтеатре' });
  // Elena has not consented to the partner: her part is a gap, not an error.
  expect(route.gaps).toContainEqual({
    agency: 'CULTURE',
    code: 'CONSENT_REQUIRED',
    personId: globalId('Person', DEMO_PEOPLE.elenaIvanova.id),
  });
});

test('the partner joins the resource map too, with no change elsewhere', async () => {
  const analyst = await hub.token({ role: 'ANALYST' });
  const result = await hub.query(
    analyst,
    `{ territory(oktmo: "25701000") { resourceMap { agencies supply { agency serviceKind capacityAvailable } } } }`,
  );
  expect(result.errors).toBeUndefined();
  expect(result.data?.territory.resourceMap.agencies).toContain('CULTURE');
  expect(result.data?.territory.resourceMap.supply).toContainEqual({
    agency: 'CULTURE',
    serviceKind: 'INCLUSIVE_CULTURE',
    capacityAvailable: 6,
  });
});

test('a slow agency is cut off by the per-subgraph timeout and the route keeps the others', async () => {
  partnerSettings.delayMs = 3000;
  try {
    const started = Date.now();
    const result = await hub.query(await coordinator(), ROUTE);
    expect(Date.now() - started).toBeLessThan(2900);
    const route = result.data?.family.route;
    expect(route.steps.some((s: any) => s.agency === 'CULTURE')).toBe(false);
    expect(route.gaps).toContainEqual(expect.objectContaining({ agency: 'CULTURE', code: 'SUBGRAPH_UNAVAILABLE' }));
    expect(result.errors).toContainEqual(
      expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'CULTURE' }) }),
    );
  } finally {
    partnerSettings.delayMs = 0;
    await new Promise((r) => setTimeout(r, 2500)); // let the abandoned partner request finish before the hub stops
  }
});

test('when an agency is down the route still returns the other agencies with an error naming the missing one', async () => {
  await hub.subgraphs.health.stop();
  const result = await hub.query(await coordinator(), ROUTE);
  expect(result.status).toBe(200);
  const route = result.data?.family.route;
  expect(route.steps.some((s: any) => s.agency === 'CULTURE')).toBe(true);
  expect(route.gaps).toContainEqual(expect.objectContaining({ agency: 'HEALTH', code: 'SUBGRAPH_UNAVAILABLE' }));
  expect(result.errors).toContainEqual(
    expect.objectContaining({ extensions: expect.objectContaining({ code: 'SUBGRAPH_UNAVAILABLE', agency: 'HEALTH' }) }),
  );
});
