import { createPrivateKey, createPublicKey, randomBytes, sign, verify, type KeyObject } from 'node:crypto';

/**
 * The hub's signing keys: Ed25519 (EdDSA, RFC 8037) as JSON Web Keys with key ids, and compact JWS
 * (RFC 7515) made and checked with node:crypto. One party holds each private key (the gateway its
 * identity key, social protection its consent key); the others get its public key set. A set may hold
 * two keys, so a key is rotated without downtime: publish the new key, switch the signer, drop the old.
 */
export interface PublicSigningJwk {
  kty: 'OKP';
  crv: 'Ed25519';
  x: string;
  kid: string;
  alg?: 'EdDSA';
  use?: 'sig';
}
export interface PrivateSigningJwk extends PublicSigningJwk {
  d: string;
}
export interface KeySet {
  keys: PublicSigningJwk[];
}

/** Keys made by `npm start` and the tests carry this prefix; production refuses them. */
export const DEV_KEY_PREFIX = 'dev-';
const ED25519_BYTES = 32;

/** A key that must not be used: the process refuses to start with it, saying which and why. */
export class KeyConfigurationError extends Error {
  readonly code = 'KEY_CONFIGURATION';
}

export interface KeyPolicy {
  /** NODE_ENV=production: development keys are refused. */
  production?: boolean;
}

/** The DER header of an Ed25519 private key in PKCS #8 (RFC 8410 §7), before its 32-byte seed. */
const ED25519_PKCS8_PREFIX = Buffer.from('302e020100300506032b657004220420', 'hex');

export function generateSigningKeyPair(kid = `${DEV_KEY_PREFIX}${randomBytes(6).toString('hex')}`): {
  privateJwk: PrivateSigningJwk;
  jwks: KeySet;
} {
  // 32 random bytes wrapped as the key's PKCS #8 form (RFC 8410), not generateKeyPairSync: on Node 20 exporting a
  // generated key to JWK holds the key's mutex while it allocates, and if that allocation runs the garbage collector
  // and it frees the generation job, the job's destructor waits for the same mutex forever (a CI test worker hung so).
  const privateKey = createPrivateKey({ key: Buffer.concat([ED25519_PKCS8_PREFIX, randomBytes(32)]), format: 'der', type: 'pkcs8' });
  const { x, d } = privateKey.export({ format: 'jwk' }) as { x: string; d: string };
  const publicJwk: PublicSigningJwk = { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
  return { privateJwk: { ...publicJwk, d }, jwks: { keys: [publicJwk] } };
}

const bytes = (value: unknown) => (typeof value === 'string' ? Buffer.from(value, 'base64url').length : 0);

function describe(jwk: Record<string, unknown>): string {
  if (jwk.kty === 'RSA') return `an RSA key of ${bytes(jwk.n) * 8} bits`;
  if (jwk.kty === 'EC') return `an EC ${String(jwk.crv)} key`;
  if (jwk.kty === 'oct') return 'a shared secret';
  return `a ${String(jwk.kty)} ${String(jwk.crv ?? '')} key`.replace(/ +/g, ' ');
}

function checkKey(jwk: unknown, what: string, policy: KeyPolicy, part: 'public' | 'private'): asserts jwk is PrivateSigningJwk {
  if (!jwk || typeof jwk !== 'object') throw new KeyConfigurationError(`${what} is not a JSON Web Key`);
  const key = jwk as Record<string, unknown>;
  const kid = typeof key.kid === 'string' ? key.kid : '';
  const named = kid ? `${what} (kid ${kid})` : what;
  // One algorithm for every signature in the hub: no RSA size or curve to get wrong, no algorithm to negotiate.
  if (key.kty !== 'OKP' || key.crv !== 'Ed25519') {
    throw new KeyConfigurationError(`${named} is ${describe(key)}: the hub signs with Ed25519 keys only (kty OKP, crv Ed25519)`);
  }
  if (bytes(key.x) !== ED25519_BYTES)
    throw new KeyConfigurationError(`${named} is ${bytes(key.x)} bytes long: an Ed25519 key is ${ED25519_BYTES} bytes`);
  if (part === 'private' && bytes(key.d) !== ED25519_BYTES) {
    throw new KeyConfigurationError(`${named} has a private part of ${bytes(key.d)} bytes: an Ed25519 key is ${ED25519_BYTES} bytes`);
  }
  if (part === 'public' && key.d !== undefined) {
    throw new KeyConfigurationError(`${named} holds a private key: a key set given to verifiers must hold public keys only`);
  }
  if (!kid) throw new KeyConfigurationError(`${what} has no kid: verifiers pick the key by its id, which rotation needs`);
  if (policy.production && kid.startsWith(DEV_KEY_PREFIX)) {
    throw new KeyConfigurationError(
      `${named} is a development key: with NODE_ENV=production the hub needs keys made for the installation (docs/security.md)`,
    );
  }
}

/** A private key that signs, checked; `what` names it in the refusal (e.g. the variable it came from). */
export function signingKey(jwk: unknown, what: string, policy: KeyPolicy = {}): { kid: string; key: KeyObject } {
  checkKey(jwk, what, policy, 'private');
  return { kid: jwk.kid, key: createPrivateKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x, d: jwk.d }, format: 'jwk' }) };
}

/** A public key set that verifies, checked, by key id. */
export function verificationKeys(jwks: unknown, what: string, policy: KeyPolicy = {}): Map<string, KeyObject> {
  const keys = (jwks as KeySet | null)?.keys;
  if (!Array.isArray(keys) || keys.length === 0)
    throw new KeyConfigurationError(`${what} is not a key set with at least one key ({"keys": [...]})`);
  const byKid = new Map<string, KeyObject>();
  for (const jwk of keys) {
    checkKey(jwk, what, policy, 'public');
    if (byKid.has(jwk.kid)) throw new KeyConfigurationError(`${what} has two keys with kid ${jwk.kid}`);
    byKid.set(jwk.kid, createPublicKey({ key: { kty: jwk.kty, crv: jwk.crv, x: jwk.x }, format: 'jwk' }));
  }
  return byKid;
}

const b64 = (value: string | Buffer) => Buffer.from(value).toString('base64url');

/** Signs compact JWS of one type (`typ` keeps an identity from being taken for a grant, and back). */
export class JwsSigner {
  private readonly key: KeyObject;
  private readonly header: string;
  /** The public half of the signing key, as verifiers are given it. */
  readonly publicKey: PublicSigningJwk;

  constructor(jwk: unknown, what: string, typ: string, policy: KeyPolicy = {}) {
    const { kid, key } = signingKey(jwk, what, policy);
    this.key = key;
    this.header = b64(JSON.stringify({ alg: 'EdDSA', typ, kid }));
    const { x } = jwk as PrivateSigningJwk;
    this.publicKey = { kty: 'OKP', crv: 'Ed25519', x, kid, alg: 'EdDSA', use: 'sig' };
  }

  sign(payload: object): string {
    const input = `${this.header}.${b64(JSON.stringify(payload))}`;
    return `${input}.${b64(sign(null, Buffer.from(input), this.key))}`;
  }
}

export type JwsRejection = 'missing' | 'malformed' | 'unknown-key' | 'bad-signature';

/** Checks compact JWS of one type against a public key set; returns the payload only when the signature holds. */
export class JwsVerifier {
  private readonly keys: Map<string, KeyObject>;

  constructor(
    jwks: unknown,
    what: string,
    private readonly typ: string,
    policy: KeyPolicy = {},
  ) {
    this.keys = verificationKeys(jwks, what, policy);
  }

  verify(token: string | null | undefined): Record<string, unknown> | JwsRejection {
    if (!token) return 'missing';
    const parts = token.split('.');
    if (parts.length !== 3) return 'malformed';
    const [header, payload, signature] = parts;
    let protectedHeader: { alg?: unknown; typ?: unknown; kid?: unknown };
    try {
      protectedHeader = JSON.parse(Buffer.from(header, 'base64url').toString('utf8'));
    } catch {
      return 'malformed';
    }
    if (protectedHeader?.alg !== 'EdDSA' || protectedHeader.typ !== this.typ) return 'malformed';
    const key = this.keys.get(String(protectedHeader.kid));
    if (!key) return 'unknown-key';
    if (!verify(null, Buffer.from(`${header}.${payload}`), key, Buffer.from(signature, 'base64url'))) return 'bad-signature';
    try {
      const claims = JSON.parse(Buffer.from(payload, 'base64url').toString('utf8'));
      return claims && typeof claims === 'object' ? claims : 'malformed';
    } catch {
      return 'malformed';
    }
  }
}
