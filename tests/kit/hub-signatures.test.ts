import { compactVerify, createLocalJWKSet, jwtVerify } from 'jose';
import { ConsentGrantIssuer, ConsentGrantVerifier } from '../../subgraphs/kit/policy/consent-grant';
import { bodyDigest, IdentitySigner, IdentityVerifier, type Identity } from '../../subgraphs/kit/platform/identity';
import { generateSigningKeyPair } from '../../subgraphs/kit/platform/signing-keys';

/**
 * The hub's two signatures are standard compact JWS (EdDSA, RFC 8037): any JOSE library verifies them, so a
 * standard router can sign for the subgraphs (docs/security.md) and a partner can check grants with its own tools.
 */
const identity: Identity = {
  subject: 'coordinator-1',
  role: 'COORDINATOR',
  organizationId: 'org-1',
  territoryOktmo: '25701000',
  agency: null,
  grants: [],
  requestId: '00000000-0000-4000-8000-0000000000aa',
};
const body = '{"query":"{ _service { sdl } }"}';

test('the identity header is a JWT that jose verifies with the gateway key set, with the audience and the body digest as claims', async () => {
  const gateway = generateSigningKeyPair('gateway-a');
  const header = new IdentitySigner(gateway.privateJwk).sign(identity, 'health', body);
  const { payload, protectedHeader } = await jwtVerify(header, createLocalJWKSet(gateway.jwks as never), {
    audience: 'health',
    typ: 'hub-identity+jwt',
  });
  expect(protectedHeader).toEqual({ alg: 'EdDSA', typ: 'hub-identity+jwt', kid: 'gateway-a' });
  expect([payload.sub, payload.rid, payload.bodySha256, (payload.exp ?? 0) - (payload.iat ?? 0)]).toEqual([
    'coordinator-1',
    identity.requestId,
    bodyDigest(body),
    30,
  ]);
  await expect(jwtVerify(header, createLocalJWKSet(gateway.jwks as never), { audience: 'education' })).rejects.toThrow(/aud/);
});

test('a verifier holding two keys accepts signatures made with either (rotation), and its own service name only', () => {
  const [old, next] = [generateSigningKeyPair('gateway-2026'), generateSigningKeyPair('gateway-2027')];
  const verifier = new IdentityVerifier({ keys: [...old.jwks.keys, ...next.jwks.keys] }, 'health');
  for (const key of [old, next]) {
    expect(verifier.verify(new IdentitySigner(key.privateJwk).sign(identity, 'health', body), body)).toEqual(identity);
    expect(verifier.verify(new IdentitySigner(key.privateJwk).sign(identity, 'education', body), body)).toBe('wrong-audience');
  }
});

test("social protection's consent key rotates the same way, and its grants are standard JWS too", async () => {
  const [old, next] = [generateSigningKeyPair('consent-2026'), generateSigningKeyPair('consent-2027')];
  const verifier = new ConsentGrantVerifier({ keys: [...old.jwks.keys, ...next.jwks.keys] });
  const grant = { personId: 'p-1', caller: 'coordinator-1', requestId: identity.requestId, agencies: ['HEALTH'] };
  for (const key of [old, next]) {
    const token = new ConsentGrantIssuer(key.privateJwk).issue(grant);
    expect(verifier.verify(token, grant)).toEqual(grant);
    const { payload } = await compactVerify(token, createLocalJWKSet(key.jwks as never));
    expect(JSON.parse(new TextDecoder().decode(payload))).toEqual(
      expect.objectContaining({ iss: 'social-protection', sub: 'p-1', agencies: ['HEALTH'] }),
    );
  }
  expect(verifier.verify(new ConsentGrantIssuer(generateSigningKeyPair('consent-2025').privateJwk).issue(grant), grant)).toBe(
    'unknown-key',
  );
});
