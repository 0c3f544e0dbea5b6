import { composeSupergraphFromModules } from '../../subgraphs/assembly/composition';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';
import { DEV_ISSUER, devSubgraphKeys, generateDevKeys, HUB_AUDIENCE, type DevKeys } from '../../gateway/dev-keys';
import { createGateway, JWKS_PATH, type Gateway } from '../../gateway/server';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import { generateSigningKeyPair } from '../../subgraphs/kit/platform/signing-keys';
import { startSubgraph } from '../../subgraphs/kit/platform/subgraph';
import { sendToSubgraph } from '../support/capture-proxy';
import { silentLogger, startTestHub, type TestHub } from '../support/hub';

/**
 * Issue 13 §1: the gateway's key is rotated without downtime. During the rotation the subgraphs' key set holds
 * the old key and the new one, so gateways signing with either are served; after it, the old key is dropped.
 */
const next = generateSigningKeyPair('gateway-2027');
const databases: Record<string, string> = {};
let keys: DevKeys;
let hub: TestHub;
let rotated: Gateway;
let rotatedUrl: string;
beforeAll(async () => {
  keys = await generateDevKeys();
  hub = await startTestHub({
    keys,
    databaseUrl: (service, url) => (databases[service] = url),
    subgraphKeys: (service, k) => ({ ...devSubgraphKeys(service, k), gatewayKeys: { keys: [...k.gateway.jwks.keys, ...next.jwks.keys] } }),
  });
  const { supergraphSdl } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  rotated = await createGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries([...Object.values(hub.subgraphs), hub.assembly].map((s) => [s.name, s.url])),
    jwt: { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwks: keys.jwks },
    signingKey: next.privateJwk,
    logger: silentLogger,
  });
  rotatedUrl = await rotated.listen(0);
});
afterAll(async () => {
  await rotated?.stop();
  await hub?.stop();
});

const ROUTE = `query($id: ID!) { family(id: $id) { route { steps { agency } gaps { agency code } } } }`;

async function routeThrough(gatewayUrl: string) {
  const token = await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id });
  const response = await fetch(gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${token}` },
    body: JSON.stringify({ query: ROUTE, variables: { id: globalId('Family', DEMO_FAMILIES.ivanov) } }),
  });
  return (await response.json()) as any;
}

test('during a rotation the gateway with the old key and the gateway with the new key both get the family route from every agency', async () => {
  const [before, after] = [await routeThrough(hub.gatewayUrl), await routeThrough(rotatedUrl)];
  for (const answer of [before, after]) {
    expect(answer.errors).toBeUndefined();
    expect(answer.data.family.route.gaps.filter((g: any) => g.code === 'SUBGRAPH_UNAVAILABLE')).toEqual([]);
  }
  expect(after.data).toEqual(before.data);
});

test('after the rotation a subgraph given only the new key refuses identities signed with the old one', async () => {
  const module = SUBGRAPH_MODULES.find((m) => m.name === 'health')!;
  const health = await startSubgraph(module, {
    databaseUrl: databases.health,
    keys: { ...devSubgraphKeys('health', keys), gatewayKeys: next.jwks },
    logger: silentLogger,
  });
  try {
    const identity: Identity = {
      subject: 'c',
      role: 'COORDINATOR',
      organizationId: null,
      territoryOktmo: null,
      agency: null,
      grants: [],
      requestId: '00000000-0000-4000-8000-000000000002',
    };
    const body = JSON.stringify({ query: '{ _service { sdl } }' });
    const byOld = new IdentitySigner(keys.gateway.privateJwk).sign(identity, 'health', body);
    const byNew = new IdentitySigner(next.privateJwk).sign(identity, 'health', body);
    expect([(await sendToSubgraph(health.url, byOld, body)).reason, (await sendToSubgraph(health.url, byNew, body)).status]).toEqual([
      'unknown-key',
      200,
    ]);
  } finally {
    await health.stop();
  }
});

test('each gateway publishes the public half of the key it signs with, under its kid, at /.well-known/jwks.json', async () => {
  const published = async (graphqlUrl: string) => (await fetch(new URL(JWKS_PATH, graphqlUrl))).json();
  expect(await published(hub.gatewayUrl)).toEqual(keys.gateway.jwks);
  expect(await published(rotatedUrl)).toEqual(next.jwks);
});
