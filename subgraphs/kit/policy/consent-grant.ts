import { JwsSigner, JwsVerifier, type JwsRejection, type KeyPolicy } from '../platform/signing-keys';

/**
 * Social protection holds the families and the consents (seed 001 §1.5, seed 004 annex 5 §3.3.1), so it
 * alone decides whether a coordinator may see other agencies' records about a person. It signs that
 * decision as a grant, and each agency checks the signature with social protection's public key set:
 * the gateway, or anyone between, carries the grant but cannot make or change one (issue 13 §3).
 */
export const CONSENT_OWNER = 'social-protection';
const TYP = 'hub-consent-grant+jwt';
/** A grant serves one gateway request; a minute covers the slowest agency fetch that follows. */
export const GRANT_LIFETIME_S = 60;
const MAX_SKEW_S = 30;

/**
 * Why the caller is given the decision: the coordinator of the person's family, or the citizen who is the person or
 * their legal representative (issue 15 §6), who may read the agencies' access logs about the person and nothing else.
 */
export type GrantBasis = 'COORDINATOR' | 'CITIZEN';

/** The decision: this caller, in this request, coordinates (or is, or represents) this person, whose consent covers these agencies. */
export interface ConsentGrant {
  personId: string;
  /** The caller's subject, as the gateway signed it. */
  caller: string;
  requestId: string;
  agencies: string[];
  /** COORDINATOR when absent. */
  basis?: GrantBasis;
}

interface GrantClaims {
  iss: typeof CONSENT_OWNER;
  sub: string;
  caller: string;
  rid: string;
  agencies: string[];
  basis?: GrantBasis;
  iat: number;
  exp: number;
}

export class ConsentGrantIssuer {
  private readonly jws: JwsSigner;

  constructor(privateJwk: unknown, policy: KeyPolicy = {}, what = "social protection's consent key") {
    this.jws = new JwsSigner(privateJwk, what, TYP, policy);
  }

  issue(grant: ConsentGrant, now = Date.now()): string {
    const iat = Math.floor(now / 1000);
    return this.jws.sign({
      iss: CONSENT_OWNER,
      sub: grant.personId,
      caller: grant.caller,
      rid: grant.requestId,
      agencies: grant.agencies,
      basis: grant.basis ?? 'COORDINATOR',
      iat,
      exp: iat + GRANT_LIFETIME_S,
    } satisfies GrantClaims);
  }
}

export type GrantRejection = JwsRejection | 'expired' | 'another-person' | 'another-caller' | 'another-request';

export class ConsentGrantVerifier {
  private readonly jws: JwsVerifier;

  constructor(consentKeys: unknown, policy: KeyPolicy = {}, what = "social protection's key set") {
    this.jws = new JwsVerifier(consentKeys, what, TYP, policy);
  }

  /** The grant when it is social protection's, unexpired and about exactly this person, caller and request. */
  verify(
    token: string | null | undefined,
    expected: Omit<ConsentGrant, 'agencies' | 'basis'>,
    now = Date.now(),
  ): ConsentGrant | GrantRejection {
    const claims = this.jws.verify(token);
    if (typeof claims === 'string') return claims;
    const c = claims as unknown as GrantClaims;
    const seconds = now / 1000;
    if (typeof c.iat !== 'number' || typeof c.exp !== 'number' || c.iat > seconds + MAX_SKEW_S || c.exp < seconds) return 'expired';
    if (c.sub !== expected.personId) return 'another-person';
    if (c.caller !== expected.caller) return 'another-caller';
    if (c.rid !== expected.requestId) return 'another-request';
    return {
      personId: c.sub,
      caller: c.caller,
      requestId: c.rid,
      agencies: Array.isArray(c.agencies) ? c.agencies.map(String) : [],
      // A coordinator's grant carries no basis (COORDINATOR by default), as grants did before citizens.
      ...(c.basis === 'CITIZEN' ? { basis: 'CITIZEN' as const } : {}),
    };
  }
}
