import { signIdentity, type Identity } from '../../subgraphs/kit/identity';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ demoData: false });
});
afterAll(() => hub?.stop());

const identity: Identity = {
  subject: 'intruder',
  role: 'COORDINATOR',
  organizationId: null,
  territoryOktmo: null,
  agency: null,
  grants: [],
  requestId: '00000000-0000-4000-8000-000000000001',
};

async function callDirectly(url: string, header?: string) {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { 'x-hub-identity': header } : {}) },
    body: JSON.stringify({ query: '{ _service { sdl } }' }),
  });
  return { status: response.status, body: (await response.json()) as any };
}

test('a direct call to any subgraph without the gateway signature reads nothing', async () => {
  for (const subgraph of Object.values(hub.subgraphs)) {
    const { status, body } = await callDirectly(subgraph.url);
    expect([subgraph.name, status, body.data ?? null, body.errors[0].extensions.code]).toEqual([subgraph.name, 401, null, 'UNAUTHENTICATED']);
  }
});

test('an identity signed with another key is refused by every subgraph', async () => {
  const forged = signIdentity(identity, 'a-secret-that-is-not-the-hub-secret-0123456789');
  for (const subgraph of Object.values(hub.subgraphs)) {
    const { status, body } = await callDirectly(subgraph.url, forged);
    expect([subgraph.name, status, body.errors[0].extensions.reason]).toEqual([subgraph.name, 401, 'bad-signature']);
  }
});

test('a captured signature cannot be replayed, and an old one is refused', async () => {
  const subgraph = hub.subgraphs['social-protection'];
  const header = signIdentity(identity, hub.keys.identitySecret);
  const first = await callDirectly(subgraph.url, header);
  expect(first.status).toBe(200);
  const replay = await callDirectly(subgraph.url, header);
  expect([replay.status, replay.body.errors[0].extensions.reason]).toEqual([401, 'replayed']);
  const old = signIdentity(identity, hub.keys.identitySecret, Date.now() - 5 * 60_000);
  const late = await callDirectly(subgraph.url, old);
  expect([late.status, late.body.errors[0].extensions.reason]).toEqual([401, 'expired']);
});
