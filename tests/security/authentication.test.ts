import { generateDevKeys, mintToken } from '../../gateway/dev-keys';
import { startTestHub, type TestHub } from '../support/hub';

let hub: TestHub;
beforeAll(async () => {
  hub = await startTestHub({ demoData: false });
});
afterAll(() => hub?.stop());

const QUERY = '{ territories { oktmo } }';

async function expectRefused(token: string | null) {
  const before = hub.sqlStatements();
  const result = await hub.query(token, QUERY);
  expect(result.status).toBe(401);
  expect(result.data ?? null).toBeNull();
  expect(result.errors?.map((e) => e.extensions?.code)).toEqual(['UNAUTHENTICATED']);
  expect(hub.sqlStatements()).toEqual(before);
}

test('a valid token is accepted', async () => {
  const result = await hub.query(await hub.token({ role: 'ANALYST' }), QUERY);
  expect(result.errors).toBeUndefined();
  expect(result.data?.territories.length).toBeGreaterThan(40);
});

test('a missing token is refused with UNAUTHENTICATED and no data', () => expectRefused(null));

test('a tampered token is refused', async () => {
  const token = await hub.token({ role: 'ANALYST' });
  const [header, payload, signature] = token.split('.');
  const claims = JSON.parse(Buffer.from(payload, 'base64url').toString());
  const elevated = Buffer.from(JSON.stringify({ ...claims, role: 'COORDINATOR' })).toString('base64url');
  await expectRefused(`${header}.${elevated}.${signature}`);
});

test('an expired token is refused', async () => {
  await expectRefused(await hub.token({ role: 'ANALYST' }, Math.floor(Date.now() / 1000) - 60));
});

test('a token accepted before is refused once it has expired (the gateway remembers verified tokens only until exp)', async () => {
  const token = await hub.token({ role: 'ANALYST' }, Math.floor(Date.now() / 1000) + 2);
  expect((await hub.query(token, QUERY)).errors).toBeUndefined();
  await new Promise((resolve) => setTimeout(resolve, 2100));
  await expectRefused(token);
});

test('a token signed with another key is refused', async () => {
  const stranger = await generateDevKeys();
  await expectRefused(await mintToken(stranger.privateJwk, { subject: 'x', role: 'ANALYST' }));
});

test('a token for another issuer is refused', async () => {
  await expectRefused(await mintToken(hub.keys.privateJwk, { subject: 'x', role: 'ANALYST' }, '1h', 'someone-else'));
});
