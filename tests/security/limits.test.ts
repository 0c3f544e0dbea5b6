import { DEMO_FAMILIES } from '../../subgraphs/kit/demo-people';
import { startTestHub, type TestHub } from '../support/hub';
import { createGateway } from '../../gateway/server';
import { DEV_ISSUER, HUB_AUDIENCE } from '../../gateway/dev-keys';
import { composeSupergraphFromModules } from '../../scripts/lib/compose';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { silentLogger } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ demoData: false, gateway: { limits: { maxDepth: 4, maxAliases: 5, maxCost: 20 } } });
});
afterAll(() => hub?.stop());

async function expectRefused(query: string, code: string) {
  const token = await hub.token({ role: 'COORDINATOR' });
  const before = hub.sqlStatements();
  const result = await hub.query(token, query);
  expect(result.errors?.map((e) => e.extensions?.code)).toContain(code);
  expect(result.data ?? null).toBeNull();
  // refused during validation: no subgraph was asked anything
  expect(hub.sqlStatements()).toEqual(before);
}

test('a query deeper than the limit is refused with QUERY_TOO_DEEP and nothing runs', () =>
  expectRefused(`{ family(id: "${DEMO_FAMILIES.ivanov}") { members { person { healthRoute { steps { id } } } } } }`, 'QUERY_TOO_DEEP'));

test('too many aliases are refused with TOO_MANY_ALIASES', () =>
  expectRefused(`{ ${Array.from({ length: 6 }, (_, i) => `t${i}: territories { oktmo }`).join(' ')} }`, 'TOO_MANY_ALIASES'));

test('a query costlier than the limit is refused with QUERY_TOO_COSTLY', () =>
  expectRefused(
    `{ territories { oktmo name kind } organizations { id name shortName agency kind postalAddress website phone email territory { oktmo name kind } } }`,
    'QUERY_TOO_COSTLY',
  ));

test('a request body over the size limit is refused with PAYLOAD_TOO_LARGE', async () => {
  const response = await fetch(hub.gatewayUrl, {
    method: 'POST',
    headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token({ role: 'ANALYST' })}` },
    body: JSON.stringify({ query: `{ territories { oktmo } } # ${'x'.repeat(300 * 1024)}` }),
  });
  expect(response.status).toBe(413);
  expect(((await response.json()) as any).errors[0].extensions.code).toBe('PAYLOAD_TOO_LARGE');
});

test('in production mode the IDE and introspection are off', async () => {
  const { supergraphSdl } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  const production = await createGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
    jwt: { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwks: hub.keys.jwks },
    identitySecret: hub.keys.identitySecret,
    production: true,
    logger: silentLogger,
  });
  const url = await production.listen(0);
  try {
    const page = await fetch(url.replace(/graphql$/, ''), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    const response = await fetch(url, {
      method: 'POST',
      headers: { 'content-type': 'application/json', authorization: `Bearer ${await hub.token({ role: 'ANALYST' })}` },
      body: JSON.stringify({ query: '{ __schema { types { name } } }' }),
    });
    const body = (await response.json()) as any;
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  } finally {
    await production.stop();
  }
});
