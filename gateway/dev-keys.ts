import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import { CONSENT_OWNER } from '../subgraphs/kit/policy/consent-grant';
import type { Role } from '../subgraphs/kit/policy/roles';
import type { SubgraphKeys } from '../subgraphs/kit/platform/subgraph-trust';
import { DEV_KEY_PREFIX, generateSigningKeyPair, type KeySet, type PrivateSigningJwk } from '../subgraphs/kit/platform/signing-keys';

/**
 * Development credentials, made on first start and kept in `.hub/` (git-ignored): an ES256 key
 * pair standing in for the region's identity provider, the gateway's identity key and social
 * protection's consent key (Ed25519, kids starting with `dev-`, which production refuses).
 * Production sets HUB_JWT_JWKS_URL and the key files of docs/security.md instead.
 */
export const DEV_ISSUER = 'federation-hub-dev';
export const HUB_AUDIENCE = 'federation-hub';

export interface SigningKeyPair {
  privateJwk: PrivateSigningJwk;
  jwks: KeySet;
}

export interface DevKeys {
  /** The stand-in identity provider's key (user tokens). */
  privateJwk: JWK;
  jwks: JSONWebKeySet;
  /** The gateway's: it signs each subgraph fetch; the subgraphs get `jwks`. */
  gateway: SigningKeyPair;
  /** Social protection's: it signs consent grants; the other agencies get `jwks`. */
  consent: SigningKeyPair;
}

export async function generateDevKeys(): Promise<DevKeys> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return {
    privateJwk,
    jwks: { keys: [publicJwk] },
    gateway: generateSigningKeyPair(`${DEV_KEY_PREFIX}gateway-${randomBytes(4).toString('hex')}`),
    consent: generateSigningKeyPair(`${DEV_KEY_PREFIX}consent-${randomBytes(4).toString('hex')}`),
  };
}

/** What each subgraph is given of the dev keys: public key sets, and social protection its own private key. */
export function devSubgraphKeys(service: string, keys: Pick<DevKeys, 'gateway' | 'consent'>): SubgraphKeys {
  return service === CONSENT_OWNER
    ? { gatewayKeys: keys.gateway.jwks, consentSigningKey: keys.consent.privateJwk }
    : { gatewayKeys: keys.gateway.jwks, consentKeys: keys.consent.jwks };
}

export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys & { jwksFile: string }> {
  const file = path.join(dir, 'dev-keys.json');
  const jwksFile = path.join(dir, 'jwks.json');
  const existing = fs.existsSync(file) ? (JSON.parse(fs.readFileSync(file, 'utf8')) as Partial<DevKeys>) : null;
  // Keys made before the gateway and social protection signed with their own keys get theirs added; the user-token key is kept.
  if (!existing?.gateway || !existing.consent) {
    fs.mkdirSync(dir, { recursive: true });
    const fresh = await generateDevKeys();
    const keys: DevKeys =
      existing?.privateJwk && existing.jwks ? { ...fresh, privateJwk: existing.privateJwk, jwks: existing.jwks } : fresh;
    fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
    fs.writeFileSync(jwksFile, JSON.stringify(keys.jwks, null, 2));
  }
  const keys = JSON.parse(fs.readFileSync(file, 'utf8')) as DevKeys;
  writePublicKeySets(dir, keys);
  return { ...keys, jwksFile };
}

/**
 * The PUBLIC key sets a development partner subgraph is started with (examples/partner-culture/README.md):
 * `gateway.jwks.json` (HUB_GATEWAY_JWKS_FILE) and `consent.jwks.json` (HUB_CONSENT_JWKS_FILE). Never a private key.
 */
export function writePublicKeySets(dir: string, keys: Pick<DevKeys, 'gateway' | 'consent'>): void {
  const sets = { 'gateway.jwks.json': keys.gateway.jwks, 'consent.jwks.json': keys.consent.jwks };
  for (const [name, set] of Object.entries(sets)) {
    if (set.keys.some((key) => 'd' in key)) throw new Error(`refusing to write a private key into ${name}`);
    const text = JSON.stringify(set, null, 2);
    const target = path.join(dir, name);
    if (!fs.existsSync(target) || fs.readFileSync(target, 'utf8') !== text) fs.writeFileSync(target, text);
  }
}

export interface TokenClaims {
  subject: string;
  role: Role;
  organizationId?: string | null;
  territoryOktmo?: string | null;
  agency?: string | null;
  grants?: string[];
  /** A citizen's person (hub person id, the `person` claim). */
  personId?: string | null;
}

export async function mintToken(
  privateJwk: JWK,
  claims: TokenClaims,
  expiresIn: string | number = '8h',
  issuer = DEV_ISSUER,
): Promise<string> {
  const key = await importJWK(privateJwk, 'ES256');
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.organizationId) payload.org = claims.organizationId;
  if (claims.territoryOktmo) payload.oktmo = claims.territoryOktmo;
  if (claims.agency) payload.agency = claims.agency;
  if (claims.grants?.length) payload.grants = claims.grants;
  if (claims.personId) payload.person = claims.personId;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid })
    .setSubject(claims.subject)
    .setIssuer(issuer)
    .setAudience(HUB_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
