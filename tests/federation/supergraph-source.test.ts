import type { GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { AssemblyVersions, assemblyUrlOf, withAssemblyUrl } from '../../gateway/assembly-versions';
import { RegistrySupergraphSource, type PublishedSupergraph } from '../../gateway/supergraph-source';
import { silentLogger } from '../support/hub';
import { startStandInRegistry, type StandInRegistry } from '../support/registry-stand-in';

/** Issue 16 §3: how the gateway follows the registry, with the gateway's update callback standing in for ApolloGateway. */
let registry: StandInRegistry;
beforeEach(async () => {
  registry = await startStandInRegistry(version(1));
});
afterEach(() => registry.stop());

function version(n: number, supergraphSdl = `supergraph v${n}`): PublishedSupergraph {
  return { version: n, supergraphSdl, agencySdls: {}, retired: [] };
}

/** A source whose loading passes the supergraph through and records what happened. */
function follow() {
  const events: string[] = [];
  const source = new RegistrySupergraphSource(
    { url: registry.url, pollIntervalMs: 20 },
    'static supergraph',
    {
      prepare: (published) => published.supergraphSdl,
      discard: (v) => void events.push(`discard ${v}`),
      loaded: (v) => void events.push(`loaded ${v}`),
    },
    silentLogger,
  );
  const loaded: string[] = [];
  // ApolloGateway's update refuses a supergraph it cannot build; here, any that says so.
  const update = (sdl: string) => {
    if (sdl.includes('broken')) throw new Error('cannot build the supergraph');
    loaded.push(sdl);
  };
  return { source, events, loaded, update };
}

const settle = (ms = 200) => new Promise((r) => setTimeout(r, ms));

test('the first version comes from the registry; a newer one is loaded as polling finds it; stop ends polling', async () => {
  const { source, loaded, update } = follow();
  const started = await source.initialize({ update });
  expect([started.supergraphSdl, source.version]).toEqual(['supergraph v1', 1]);
  registry.publish(version(2));
  await settle();
  expect([loaded, source.version]).toEqual([['supergraph v1', 'supergraph v2'], 2]);
  await started.cleanup();
  // A poll aborted by cleanup may still reach the registry after cleanup returns: let it land, then count.
  await settle(50);
  const polls = registry.polls;
  // Five polling intervals: a source still polling would ask about five more times.
  await settle(100);
  expect(registry.polls).toBe(polls);
});

test('a registry that does not answer at start: the static supergraph, and polling goes on until it answers', async () => {
  registry.available = false;
  const { source, loaded, update } = follow();
  const started = await source.initialize({ update });
  expect([started.supergraphSdl, source.version]).toEqual(['static supergraph', null]);
  await settle(100);
  registry.available = true;
  await settle();
  expect([loaded, source.version]).toEqual([['supergraph v1'], 1]);
  await started.cleanup();
});

test('a supergraph the gateway refuses never replaces the last good one, and is not tried again', async () => {
  const { source, loaded, events, update } = follow();
  const started = await source.initialize({ update });
  registry.publish(version(2, 'broken supergraph'));
  await settle();
  expect([loaded, source.version]).toEqual([['supergraph v1'], 1]);
  expect(events).toEqual(['loaded 1', 'discard 2']);
  registry.publish(version(3));
  await settle();
  expect([loaded, source.version]).toEqual([['supergraph v1', 'supergraph v3'], 3]);
  await started.cleanup();
});

test('a broken first version: the gateway starts on the static supergraph', async () => {
  registry.publish(version(1, 'broken supergraph'));
  const { source, update } = follow();
  const started = await source.initialize({ update });
  expect([started.supergraphSdl, source.version]).toEqual(['static supergraph', null]);
  await started.cleanup();
});

test('each version has its own assembly data source; a fetch planned on the previous version is served by its assembly', async () => {
  const versions = new AssemblyVersions();
  const agencies = (types: string[]) => ({
    people: `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
      type Query { person(id: ID!): Person }
      ${types.map((t) => `type ${t} @key(fields: "id") { id: ID! }`).join('\n')}`,
  });
  const sdl = `ASSEMBLY @join__graph(name: "assembly", url: "http://localhost:4006/graphql")`;
  expect(versions.prepare(1, sdl, agencies(['Person', 'Pet']))).toBe(
    `ASSEMBLY @join__graph(name: "assembly", url: "gateway-local://assembly/v1")`,
  );
  versions.prepare(2, sdl, agencies(['Person']));
  versions.loaded(2);
  const [first, second] = [versions.dataSourceFor('assembly', assemblyUrlOf(1)), versions.dataSourceFor('assembly', assemblyUrlOf(2))];
  expect(first).not.toBeNull();
  expect(second).not.toBe(first);
  expect(versions.dataSourceFor('health', assemblyUrlOf(2))).toBeNull();
  // Planned on v1 (Pet was a node type then), its service map read after v2 loaded: v2's assembly hands it to v1's.
  const fetch = (query: string) =>
    second!.process({
      request: { query, variables: { representations: [{ __typename: 'Pet', id: 'Pet:1' }] } },
      context: {},
    } as unknown as GraphQLDataSourceProcessOptions);
  expect(await fetch('query ($representations: [_Any!]!) { _entities(representations: $representations) { ... on Pet { id } } }')).toEqual({
    data: { _entities: [{ id: 'Pet:1' }] },
  });
  expect(withAssemblyUrl(sdl, assemblyUrlOf(7))).toContain('gateway-local://assembly/v7');
});
