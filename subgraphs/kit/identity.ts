import { createHmac, randomUUID, timingSafeEqual } from 'node:crypto';
import type { Role } from './roles';

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
  requestId: string;
}

export const IDENTITY_HEADER = 'x-hub-identity';

interface SignedPayload extends Identity {
  /** Signing time, ms since epoch. */
  iat: number;
  /** One-time value: a captured header cannot be sent twice. */
  nonce: string;
}

const b64 = (buf: Buffer | string) => Buffer.from(buf).toString('base64url');
const mac = (secret: string, body: string) => createHmac('sha256', secret).update(body).digest();

export function signIdentity(identity: Identity, secret: string, now = Date.now()): string {
  const body = b64(JSON.stringify({ ...identity, iat: now, nonce: randomUUID() } satisfies SignedPayload));
  return `${body}.${b64(mac(secret, body))}`;
}

export type IdentityRejection = 'missing' | 'malformed' | 'bad-signature' | 'expired' | 'replayed';

export class IdentityVerifier {
  private readonly seen = new Map<string, number>();

  constructor(
    private readonly secret: string,
    /** Allowed difference between the gateway's and this subgraph's clocks. */
    private readonly maxSkewMs = 30_000,
  ) {
    if (!secret || secret.length < 32) throw new Error('identity secret must be at least 32 characters');
  }

  verify(header: string | undefined | null, now = Date.now()): Identity | IdentityRejection {
    if (!header) return 'missing';
    const [body, signature, extra] = header.split('.');
    if (!body || !signature || extra !== undefined) return 'malformed';
    const expected = mac(this.secret, body);
    const given = Buffer.from(signature, 'base64url');
    if (given.length !== expected.length || !timingSafeEqual(given, expected)) return 'bad-signature';
    let payload: SignedPayload;
    try {
      payload = JSON.parse(Buffer.from(body, 'base64url').toString('utf8'));
    } catch {
      return 'malformed';
    }
    if (typeof payload.iat !== 'number' || Math.abs(now - payload.iat) > this.maxSkewMs) return 'expired';
    this.forgetOld(now);
    if (this.seen.has(payload.nonce)) return 'replayed';
    // A nonce needs remembering only while its timestamp is still acceptable.
    this.seen.set(payload.nonce, payload.iat + this.maxSkewMs);
    const { iat: _iat, nonce: _nonce, ...identity } = payload;
    return identity;
  }

  private forgetOld(now: number): void {
    if (this.seen.size < 1024) return;
    for (const [nonce, until] of this.seen) if (until < now) this.seen.delete(nonce);
  }
}
