import { DEMO_FAMILIES } from '../../subgraphs/kit/demo/people';
import { globalId } from '../../subgraphs/kit/platform/global-id';
import { startTestHub, type TestHub } from '../support/hub';
import { createGateway } from '../../gateway/server';
import { DEV_ISSUER, HUB_AUDIENCE } from '../../gateway/dev-keys';
import { composeSupergraphFromModules } from '../../subgraphs/assembly/composition';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { silentLogger } from '../support/hub';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';

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
  expectRefused(
    `{ family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { members { person { healthRoute { steps { id } } } } } }`,
    'QUERY_TOO_DEEP',
  ));

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

describe('in production mode', () => {
  let production: Awaited<ReturnType<typeof createGateway>>;
  let url: string;
  beforeAll(async () => {
    const { supergraphSdl } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
    production = await createGateway({
      supergraphSdl,
      subgraphUrls: Object.fromEntries(Object.entries(hub.subgraphs).map(([name, s]) => [name, s.url])),
      jwt: { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwks: hub.keys.jwks },
      signingKey: hub.keys.gateway.privateJwk,
      production: true,
      logger: silentLogger,
    });
    url = await production.listen(0);
  });
  afterAll(() => production?.stop());

  async function post(gatewayUrl: string, query: string, variables?: Record<string, unknown>) {
    const response = await fetch(gatewayUrl, {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        authorization: `Bearer ${await hub.token({ role: 'COORDINATOR', organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id })}`,
      },
      body: JSON.stringify({ query, variables }),
    });
    return (await response.json()) as any;
  }

  test('the IDE and introspection are off', async () => {
    const page = await fetch(url.replace(/graphql$/, ''), { headers: { accept: 'text/html' } });
    expect(page.status).toBe(404);
    const body = await post(url, '{ __schema { types { name } } }');
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('GRAPHQL_VALIDATION_FAILED');
  });

  test('a browser asking /graphql for a page gets no landing page, in particular none that loads code from a CDN (a closed network has none)', async () => {
    const page = await fetch(url, { headers: { accept: 'text/html' } });
    expect(page.headers.get('content-type')).not.toMatch(/html/);
    const text = await page.text();
    expect(text).not.toMatch(/<script|cdn\./i);
  });

  test('a misspelt field is refused without a "Did you mean" that would name schema fields (development still suggests)', async () => {
    const query = '{ territorie { oktmo } }';
    const development = await post(hub.gatewayUrl, query);
    expect(development.errors[0].message).toMatch(/Did you mean "territories"/);
    const body = await post(url, query);
    expect(body.errors.map((e: any) => [e.extensions.code, e.message])).toEqual([
      ['GRAPHQL_VALIDATION_FAILED', 'Cannot query field "territorie" on type "Query".'],
    ]);
  });

  test('a misspelt enum value in the variables is refused without naming the values of the enum', async () => {
    const query = 'mutation($input: RegisterPersonInput!) { registerPerson(input: $input) { person { id } userErrors { code } } }';
    const variables = {
      input: {
        familyId: globalId('Family', DEMO_FAMILIES.ivanov),
        relation: 'CHILD',
        snils: '111-111-112 46',
        lastName: 'Иванова',
        firstName: 'Мария',
        bornOn: '2015-03-01',
        sex: 'FEMAL',
      },
    };
    const development = await post(hub.gatewayUrl, query, variables);
    expect(development.errors[0].message).toMatch(/Did you mean the enum value "FEMALE"/);
    const body = await post(url, query, variables);
    expect(body.data ?? null).toBeNull();
    expect(body.errors[0].extensions.code).toBe('BAD_USER_INPUT');
    expect(body.errors[0].message).toMatch(/Value "FEMAL" does not exist in "Sex" enum\.$/);
    expect(JSON.stringify(body)).not.toMatch(/Did you mean|FEMALE/);
  });
});
