import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { createLocalJWKSet, jwtVerify } from 'jose';
import { DEV_ISSUER, generateDevKeys, HUB_AUDIENCE, loadOrCreateDevKeys, mintToken } from '../../gateway/dev-keys';

/**
 * A development partner (examples/partner-culture) starts with the hub's PUBLIC key sets, which the first `npm start`
 * writes to .hub/keys beside the private development keys. The files a partner is pointed to hold no private key.
 */
test('the dev keys come with the gateway and consent public key sets, and those hold no private key', async () => {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-keys-'));
  try {
    const keys = await loadOrCreateDevKeys(dir);
    const read = (name: string) => JSON.parse(fs.readFileSync(path.join(dir, name), 'utf8'));
    expect(read('gateway.jwks.json')).toEqual(keys.gateway.jwks);
    expect(read('consent.jwks.json')).toEqual(keys.consent.jwks);
    for (const name of ['gateway.jwks.json', 'consent.jwks.json']) {
      const text = fs.readFileSync(path.join(dir, name), 'utf8');
      expect(text).not.toMatch(/"d"\s*:/);
    }
    // A hub whose keys predate the files gets them on its next start, unchanged keys and all.
    fs.rmSync(path.join(dir, 'gateway.jwks.json'));
    const again = await loadOrCreateDevKeys(dir);
    expect(again.gateway.privateJwk).toEqual(keys.gateway.privateJwk);
    expect(read('gateway.jwks.json')).toEqual(keys.gateway.jwks);
  } finally {
    fs.rmSync(dir, { recursive: true, force: true });
  }
});

test("the stand-in identity provider's ES256 key (made from random bytes, not by a key generator) signs tokens its public set verifies", async () => {
  const [one, other] = [await generateDevKeys(), await generateDevKeys()];
  expect(one.privateJwk.d).not.toEqual(other.privateJwk.d);
  expect(one.jwks.keys).toEqual([expect.objectContaining({ kty: 'EC', crv: 'P-256', kid: one.privateJwk.kid, alg: 'ES256', use: 'sig' })]);
  expect(one.jwks.keys[0]).not.toHaveProperty('d');
  const token = await mintToken(one.privateJwk, { subject: 'coordinator-ivanova', role: 'COORDINATOR' });
  const { payload } = await jwtVerify(token, createLocalJWKSet(one.jwks), { issuer: DEV_ISSUER, audience: HUB_AUDIENCE });
  expect(payload).toMatchObject({ sub: 'coordinator-ivanova', role: 'COORDINATOR' });
  await expect(jwtVerify(token, createLocalJWKSet(other.jwks))).rejects.toThrow();
});
