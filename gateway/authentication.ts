import fs from 'node:fs';
import { createLocalJWKSet, createRemoteJWKSet, errors as joseErrors, jwtVerify, type JSONWebKeySet, type JWTVerifyGetKey } from 'jose';
import { randomUUID } from 'node:crypto';
import type { Identity } from '../subgraphs/kit/platform/identity';
import { ROLES, type Role } from '../subgraphs/kit/policy/roles';

export interface JwtSettings {
  issuer: string;
  audience: string;
  /** A JWKS endpoint of the identity provider, or ... */
  jwksUrl?: string;
  /** ... a local JWKS file (the dev key created by `npm start`). */
  jwksFile?: string;
  /** ... or the key set itself. */
  jwks?: JSONWebKeySet;
}

export class AuthenticationError extends Error {}

/**
 * Verifies the caller's bearer token (signature with asymmetric keys, issuer, audience, expiry)
 * and turns its claims into the hub's identity. Nothing here decides what the caller may see:
 * that is each subgraph's job.
 */
export function createAuthenticator(settings: JwtSettings) {
  let keys: JWTVerifyGetKey;
  if (settings.jwksUrl) keys = createRemoteJWKSet(new URL(settings.jwksUrl));
  else if (settings.jwks) keys = createLocalJWKSet(settings.jwks);
  else if (settings.jwksFile) keys = createLocalJWKSet(JSON.parse(fs.readFileSync(settings.jwksFile, 'utf8')));
  else throw new Error('JWT keys are not configured: set HUB_JWT_JWKS_URL or HUB_JWT_JWKS_FILE');

  // A verified token stays valid until it expires; a client sends the same one with every request, and the
  // signature check (ECDSA) was a visible share of the gateway's CPU per request. Bounded, and never past `exp`.
  const verified = new Map<string, { identity: Omit<Identity, 'requestId'>; expiresAt: number }>();

  return async function authenticate(authorization: string | undefined, requestId: string = randomUUID()): Promise<Identity> {
    const match = /^Bearer\s+(\S+)$/i.exec(authorization ?? '');
    if (!match) throw new AuthenticationError('A bearer token is required');
    const known = verified.get(match[1]);
    if (known && known.expiresAt > Date.now()) return { ...known.identity, requestId };
    if (known) verified.delete(match[1]);
    try {
      const { payload } = await jwtVerify(match[1], keys, {
        issuer: settings.issuer,
        audience: settings.audience,
        algorithms: ['ES256', 'RS256', 'EdDSA'],
        requiredClaims: ['sub', 'exp', 'role'],
      });
      const role = String(payload.role) as Role;
      if (!ROLES.includes(role)) throw new AuthenticationError(`Unknown role ${role}`);
      // A citizen's token names the one person they are (issue 15 §6); without it the role would be bound to nobody.
      const personId = typeof payload.person === 'string' && payload.person ? payload.person : null;
      if (role === 'CITIZEN' && !personId) throw new AuthenticationError('A citizen token must name its person');
      const identity = {
        subject: String(payload.sub),
        role,
        organizationId: (payload.org as string | undefined) ?? null,
        territoryOktmo: (payload.oktmo as string | undefined) ?? null,
        agency: (payload.agency as string | undefined) ?? null,
        grants: Array.isArray(payload.grants) ? payload.grants.map(String) : [],
        personId,
      };
      if (verified.size >= 10_000) verified.delete(verified.keys().next().value as string);
      verified.set(match[1], { identity, expiresAt: Number(payload.exp) * 1000 });
      return { ...identity, requestId };
    } catch (error) {
      if (error instanceof AuthenticationError) throw error;
      if (error instanceof joseErrors.JWTExpired) throw new AuthenticationError('The token has expired');
      throw new AuthenticationError('The token is not valid');
    }
  };
}
export type Authenticate = ReturnType<typeof createAuthenticator>;
