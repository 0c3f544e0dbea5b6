import { createHash } from 'node:crypto';
import type { Role } from '../policy/roles';
import { JwsSigner, JwsVerifier, type JwsRejection, type KeyPolicy, type KeySet } from './signing-keys';

/**
 * The caller as the gateway verified it. The gateway forwards it to every subgraph signed,
 * so a subgraph can trust it without seeing the user's token, and a direct call to a
 * subgraph port without the gateway's signature reads nothing.
 */
export interface Identity {
  subject: string;
  role: Role;
  /** Organization the caller works for (an operator organization, an agency's provider). */
  organizationId: string | null;
  /** OKTMO of the territory the caller serves; coordinators are scoped by it. */
  territoryOktmo: string | null;
  /** Agency code of a specialist or partner service (HEALTH, EDUCATION, ...). */
  agency: string | null;
  /** Operations granted to a partner service, e.g. `submitSignal`. */
  grants: string[];
  /**
   * The hub id of the person a CITIZEN is (their token's `person` claim); null for staff. Who that person
   * may act for (a child, a ward) is decided by social protection from the family data, not by the token.
   */
  personId?: string | null;
  requestId: string;
}

export const IDENTITY_HEADER = 'x-hub-identity';
const TYP = 'hub-identity+jwt';
/** How long a signed fetch is good for; the gateway signs each fetch just before sending it. */
export const IDENTITY_LIFETIME_S = 30;
/** Allowed difference between the gateway's and a subgraph's clocks. */
const MAX_SKEW_S = 30;

/**
 * What the gateway signs for one fetch: the identity, the one subgraph it is for (`aud`), when, and the
 * SHA-256 of the exact body bytes (operation, variables, representations). Moved to another subgraph or
 * put on another body it is refused, so no subgraph needs to remember what it has seen: replicas and
 * restarts change nothing (issue 13 §2).
 */
interface IdentityClaims {
  sub: string;
  role: Role;
  org: string | null;
  oktmo: string | null;
  agency: string | null;
  grants: string[];
  person?: string | null;
  rid: string;
  aud: string;
  iat: number;
  exp: number;
  bodySha256: string;
}

export const bodyDigest = (body: Buffer | string): string => createHash('sha256').update(body).digest('base64url');

/** The gateway's side: it alone holds the private key (HUB_GATEWAY_KEY_FILE). */
export class IdentitySigner {
  private readonly jws: JwsSigner;

  constructor(privateJwk: unknown, policy: KeyPolicy = {}, what = "the gateway's signing key") {
    this.jws = new JwsSigner(privateJwk, what, TYP, policy);
  }

  /** The gateway's current public key, which it publishes at /.well-known/jwks.json. */
  publicKeySet(): KeySet {
    return { keys: [this.jws.publicKey] };
  }

  sign(identity: Identity, audience: string, body: Buffer | string, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    return this.jws.sign({
      sub: identity.subject,
      role: identity.role,
      org: identity.organizationId,
      oktmo: identity.territoryOktmo,
      agency: identity.agency,
      grants: identity.grants,
      person: identity.personId ?? null,
      rid: identity.requestId,
      aud: audience,
      iat,
      exp: iat + IDENTITY_LIFETIME_S,
      bodySha256: bodyDigest(body),
    } satisfies IdentityClaims);
  }
}

export type IdentityRejection = JwsRejection | 'expired' | 'wrong-audience' | 'body-mismatch';

/** A subgraph's side: the gateway's public key set, and its own service name as the only audience it accepts. */
export class IdentityVerifier {
  private readonly jws: JwsVerifier;

  constructor(
    gatewayKeys: unknown,
    private readonly audience: string,
    policy: KeyPolicy = {},
    what = "the gateway's key set",
  ) {
    this.jws = new JwsVerifier(gatewayKeys, what, TYP, policy);
  }

  verify(header: string | undefined | null, body: Buffer | string, now = Date.now()): Identity | IdentityRejection {
    const claims = this.jws.verify(header);
    if (typeof claims === 'string') return claims;
    const c = claims as unknown as IdentityClaims;
    if (c.aud !== this.audience) return 'wrong-audience';
    const seconds = now / 1000;
    if (typeof c.iat !== 'number' || typeof c.exp !== 'number' || c.iat > seconds + MAX_SKEW_S || c.exp < seconds - MAX_SKEW_S)
      return 'expired';
    if (c.bodySha256 !== bodyDigest(body)) return 'body-mismatch';
    return {
      subject: c.sub,
      role: c.role,
      organizationId: c.org ?? null,
      territoryOktmo: c.oktmo ?? null,
      agency: c.agency ?? null,
      grants: Array.isArray(c.grants) ? c.grants : [],
      requestId: c.rid,
      // Only a citizen's identity names a person; staff identities stay as they were.
      ...(typeof c.person === 'string' ? { personId: c.person } : {}),
    };
  }
}
