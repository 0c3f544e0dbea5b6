import { randomUUID } from 'node:crypto';
import { devSubgraphKeys, generateDevKeys } from '../../gateway/dev-keys';
import { ASSEMBLY, buildAssembly } from '../../subgraphs/assembly/assembly-schema';
import { committedAgencySdls } from '../../subgraphs/assembly';
import { startAssembly, type RunningAssembly } from '../../subgraphs/assembly/service';
import { IdentitySigner } from '../../subgraphs/kit/platform/identity';
import { startSubgraph, type RunningSubgraph } from '../../subgraphs/kit/platform/subgraph';
import { sendToSubgraph } from '../support/capture-proxy';
import { createTestDatabase } from '../support/database';
import { silentLogger } from '../support/hub';
import { culturePartner } from '../route/culture-partner';

/** Issue 16 §2: the registry checks a partner's URL with `{ _service { sdl } }`, unsigned; nothing else is served unsigned. */
let partner: RunningSubgraph;
let assembly: RunningAssembly;
let signer: IdentitySigner;
beforeAll(async () => {
  const keys = await generateDevKeys();
  signer = new IdentitySigner(keys.gateway.privateJwk);
  partner = await startSubgraph(culturePartner(randomUUID()), {
    databaseUrl: await createTestDatabase('culture'),
    keys: devSubgraphKeys('culture', keys),
    logger: silentLogger,
  });
  assembly = await startAssembly(buildAssembly(committedAgencySdls()), { keys: devSubgraphKeys(ASSEMBLY, keys), logger: silentLogger });
});
afterAll(async () => {
  await partner?.stop();
  await assembly?.stop();
});

const services = () => [partner, assembly];
const post = (url: string, query: string, extra: Record<string, unknown> = {}) =>
  sendToSubgraph(url, undefined, JSON.stringify({ query, ...extra }));

test('a partner subgraph and the assembly answer exactly `{ _service { sdl } }` without an identity', async () => {
  for (const service of services()) {
    const answer = await post(service.url, '{ _service { sdl } }');
    expect(answer.status).toBe(200);
    expect(answer.body.data._service.sdl).toContain('type Query');
  }
  const named = await post(partner.url, 'query Sdl { _service { sdl } }', { operationName: 'Sdl' });
  expect(named.body.data._service.sdl).toContain('cultureRoute');
});

test.each([
  ['another field added', '{ _service { sdl } __typename }'],
  ['an alias', '{ _service { text: sdl } }'],
  ['a second operation', '{ _service { sdl } } query Other { __typename }'],
  ['variables', 'query ($x: Boolean!) { _service { sdl @include(if: $x) } }'],
  ['a mutation', 'mutation { _service { sdl } }'],
  ['an entity fetch', '{ _entities(representations: [{ __typename: "Person", id: "x" }]) { __typename } }'],
])('the same without an identity but with %s is refused 401', async (_, query) => {
  for (const service of services()) {
    const answer = await post(service.url, query);
    expect([service.url, answer.status, answer.reason]).toEqual([service.url, 401, 'missing']);
  }
});

test('a request that carries an identity header is always verified, even for the public document', async () => {
  const body = JSON.stringify({ query: '{ _service { sdl } }' });
  const forged = new IdentitySigner((await generateDevKeys()).gateway.privateJwk).sign(
    { subject: 'x', role: 'ADMINISTRATOR', organizationId: null, territoryOktmo: null, agency: null, grants: [], requestId: randomUUID() },
    'culture',
    body,
  );
  expect((await sendToSubgraph(partner.url, forged, body)).status).toBe(401);
  const genuine = signer.sign(
    { subject: 'x', role: 'ADMINISTRATOR', organizationId: null, territoryOktmo: null, agency: null, grants: [], requestId: randomUUID() },
    'culture',
    body,
  );
  expect((await sendToSubgraph(partner.url, genuine, body)).status).toBe(200);
});
