import { randomUUID } from 'node:crypto';
import { Query, Resolver } from 'type-graphql';
import { devSubgraphKeys, generateDevKeys } from '../../gateway/dev-keys';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { daysFromToday } from '../../subgraphs/kit/demo/dates';
import { DEMO_FAMILIES, DEMO_PEOPLE } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { today } from '../../subgraphs/kit/platform/clock';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startSubgraph, type RunningSubgraph, type SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import { Consent } from '../../subgraphs/social-protection/consent/consent.entity';
import { createTestDatabase } from '../support/database';
import { silentLogger, startTestHub, type GraphQLResponse, type TestHub } from '../support/hub';
import { agencySdlOf, composedVersion, startStandInRegistry, type StandInRegistry } from '../support/registry-stand-in';
import { culturePartner } from '../route/culture-partner';

/**
 * Issue 16 §3: the gateway follows the registry while it serves. Continuous load through the gateway while a partner
 * is published, updated and retired, and a broken supergraph is published: no request fails.
 */

@Resolver()
class CultureCentreResolver {
  /** What the partner's next release adds: deployed first, published with v3. */
  @Query(() => String, { description: 'The name of the culture centre that runs the inclusive sections.' })
  cultureCentreName(): string {
    return 'Центр инклюзивной культуры (демо)';
  }
}

const withCentre = (module: SubgraphModule): SubgraphModule => ({
  ...module,
  resolvers: [...module.resolvers, CultureCentreResolver],
});

let registry: StandInRegistry;
let hub: TestHub;
let culture: RunningSubgraph;
let founding: Record<string, string>;
let cultureV2: string;
let cultureV3: string;

beforeAll(async () => {
  const keys = await generateDevKeys();
  founding = Object.fromEntries(await Promise.all(SUBGRAPH_MODULES.map(async (m) => [m.name, await agencySdlOf(m)] as const)));
  const partner = culturePartner(DEMO_PEOPLE.artyomIvanov.id);
  cultureV2 = await agencySdlOf(partner);
  cultureV3 = await agencySdlOf(withCentre(partner));
  // The partner runs its next release already; the registry moves to it later.
  culture = await startSubgraph(withCentre(partner), {
    databaseUrl: await createTestDatabase('culture'),
    keys: devSubgraphKeys('culture', keys),
    demoData: true,
    logger: silentLogger,
  });
  registry = await startStandInRegistry(await composedVersion(1, founding));
  hub = await startTestHub({ keys, registry: { url: registry.url, pollIntervalMs: 100, usageFlushIntervalMs: 500 } });
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
}, 60_000);
afterAll(async () => {
  await hub?.stop();
  await culture?.stop();
  await registry?.stop();
});

const ROUTE = `query { family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { route { agencies steps { agency kind title } gaps { agency code personId } } } }`;
type Route = { agencies: string[]; steps: { agency: string }[]; gaps: { agency: string; code: string; personId: string }[] };

const supergraphVersion = async () =>
  ((await (await fetch(new URL('/health', hub.gatewayUrl))).json()) as { supergraphVersion: number | null }).supergraphVersion;

/** Waits until the condition holds, checking every 50 ms; returns how long it took. */
async function until(what: string, condition: () => Promise<boolean>, withinMs = 5000): Promise<number> {
  const started = performance.now();
  while (!(await condition())) {
    if (performance.now() - started > withinMs) throw new Error(`${what}: not within ${withinMs} ms`);
    await new Promise((r) => setTimeout(r, 50));
  }
  return performance.now() - started;
}

test('a partner published, updated and retired, and a broken supergraph, while the gateway serves: zero failed requests', async () => {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const failures: GraphQLResponse[] = [];
  let served = 0;
  let latest: Route | null = null;
  let loading = true;
  const loop = async () => {
    while (loading) {
      const result = await hub.query<{ family: { route: Route } }>(token, ROUTE);
      served++;
      if (result.status !== 200 || result.errors || !result.data?.family?.route) failures.push(result);
      else latest = result.data.family.route;
    }
  };
  const load = Promise.all([loop(), loop(), loop(), loop()]);
  const route = async () => {
    const result = await hub.query<{ family: { route: Route } }>(token, ROUTE);
    return result.data!.family.route;
  };
  const hasCulture = async () => (await route()).steps.some((s) => s.agency === 'CULTURE');
  try {
    await until('v1 is served', async () => (await supergraphVersion()) === 1);
    expect(await hasCulture()).toBe(false);

    registry.publish(await composedVersion(2, { ...founding, culture: cultureV2 }, { culture: culture.url }));
    // "Within a few seconds" (issue 16 §3) is until's limit; a tighter timed assertion flaked on a busy CI machine.
    await until('the partner steps appear after v2', hasCulture);
    expect((await route()).agencies).toContain('CULTURE');

    registry.publish(await composedVersion(3, { ...founding, culture: cultureV3 }, { culture: culture.url }));
    await until('v3 is served', async () => (await supergraphVersion()) === 3);
    const centre = await hub.query(token, '{ cultureCentreName }');
    expect(centre).toEqual({ status: 200, data: { cultureCentreName: 'Центр инклюзивной культуры (демо)' } });
    expect(await hasCulture()).toBe(true);

    registry.publish(await composedVersion(4, founding, {}, ['CULTURE']));
    await until('the partner steps disappear after v4', async () => !(await hasCulture()));
    expect(await supergraphVersion()).toBe(4);
    const retired = await route();
    expect(retired.agencies).not.toContain('CULTURE');
    // A retired partner is a named gap, not a failed route.
    expect(retired.gaps).toContainEqual({
      agency: 'CULTURE',
      code: 'SUBGRAPH_RETIRED',
      personId: globalId('Person', DEMO_PEOPLE.artyomIvanov.id),
    });

    registry.publish({ version: 5, supergraphSdl: 'this is not a supergraph', agencySdls: founding, retired: ['CULTURE'] });
    await new Promise((r) => setTimeout(r, 1000)); // ten polls
    expect(await supergraphVersion()).toBe(4);
    expect(await hasCulture()).toBe(false);
  } finally {
    loading = false;
    await load;
  }
  expect(failures).toEqual([]);
  expect(served).toBeGreaterThan(20);
  expect(latest).not.toBeNull();
}, 60_000);

test('the gateway reported the fields the load touched to the registry, by the region-local day', async () => {
  await until('a usage report arrives', async () => registry.usage.length > 0);
  const reports = registry.usage.map((u) => JSON.parse(u.body) as { day: string; fields: Record<string, number> });
  expect(reports.every((r) => r.day === today())).toBe(true);
  const family = reports.reduce((sum, r) => sum + (r.fields['Family.route'] ?? 0), 0);
  expect(family).toBeGreaterThan(0);
  expect(Object.keys(reports[0].fields)).toEqual(expect.arrayContaining(['Query.family', 'Family.route', 'RouteStep.agency']));
}, 60_000);
