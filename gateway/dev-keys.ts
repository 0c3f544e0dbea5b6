import fs from 'node:fs';
import path from 'node:path';
import { randomBytes } from 'node:crypto';
import { exportJWK, generateKeyPair, importJWK, SignJWT, type JSONWebKeySet, type JWK } from 'jose';
import type { Role } from '../subgraphs/kit/roles';

/**
 * Development credentials, made on first start and kept in `.hub/` (git-ignored): an ES256 key
 * pair standing in for the region's identity provider, and the gateway↔subgraph HMAC secret.
 * Production sets HUB_JWT_JWKS_URL and HUB_IDENTITY_SECRET instead.
 */
export const DEV_ISSUER = 'federation-hub-dev';
export const HUB_AUDIENCE = 'federation-hub';

export interface DevKeys {
  privateJwk: JWK;
  jwks: JSONWebKeySet;
  identitySecret: string;
}

export async function generateDevKeys(): Promise<DevKeys> {
  const { publicKey, privateKey } = await generateKeyPair('ES256', { extractable: true });
  const kid = randomBytes(8).toString('hex');
  const privateJwk = { ...(await exportJWK(privateKey)), kid, alg: 'ES256' };
  const publicJwk = { ...(await exportJWK(publicKey)), kid, alg: 'ES256', use: 'sig' };
  return { privateJwk, jwks: { keys: [publicJwk] }, identitySecret: randomBytes(32).toString('base64url') };
}

export async function loadOrCreateDevKeys(dir: string): Promise<DevKeys & { jwksFile: string }> {
  const file = path.join(dir, 'dev-keys.json');
  const jwksFile = path.join(dir, 'jwks.json');
  if (!fs.existsSync(file)) {
    fs.mkdirSync(dir, { recursive: true });
    const keys = await generateDevKeys();
    fs.writeFileSync(file, JSON.stringify(keys, null, 2), { mode: 0o600 });
    fs.writeFileSync(jwksFile, JSON.stringify(keys.jwks, null, 2));
  }
  return { ...(JSON.parse(fs.readFileSync(file, 'utf8')) as DevKeys), jwksFile };
}

export interface TokenClaims {
  subject: string;
  role: Role;
  organizationId?: string | null;
  territoryOktmo?: string | null;
  agency?: string | null;
  grants?: string[];
}

export async function mintToken(privateJwk: JWK, claims: TokenClaims, expiresIn: string | number = '8h', issuer = DEV_ISSUER): Promise<string> {
  const key = await importJWK(privateJwk, 'ES256');
  const payload: Record<string, unknown> = { role: claims.role };
  if (claims.organizationId) payload.org = claims.organizationId;
  if (claims.territoryOktmo) payload.oktmo = claims.territoryOktmo;
  if (claims.agency) payload.agency = claims.agency;
  if (claims.grants?.length) payload.grants = claims.grants;
  return new SignJWT(payload)
    .setProtectedHeader({ alg: 'ES256', kid: privateJwk.kid })
    .setSubject(claims.subject)
    .setIssuer(issuer)
    .setAudience(HUB_AUDIENCE)
    .setIssuedAt()
    .setExpirationTime(expiresIn)
    .sign(key);
}
