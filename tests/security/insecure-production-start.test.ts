import { spawn } from 'node:child_process';
import { randomBytes } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { devSubgraphKeys, generateDevKeys, type DevKeys } from '../../gateway/dev-keys';
import { IdentitySigner } from '../../subgraphs/kit/platform/identity';
import { KEY_FILES, readKeyFile } from '../../subgraphs/kit/platform/key-files';
import { generateSigningKeyPair } from '../../subgraphs/kit/platform/signing-keys';
import { subgraphTrust } from '../../subgraphs/kit/platform/subgraph-trust';

/**
 * Issue 13 §5: production refuses to start insecurely. Each refusal is a clear message naming the key and the
 * reason, before anything listens; no process falls back to a development key.
 */
const root = path.resolve(__dirname, '..', '..');
const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-insecure-'));
const file = (name: string, value: unknown) => {
  fs.writeFileSync(path.join(dir, name), JSON.stringify(value));
  return path.join(dir, name);
};
const production = { production: true };
let dev: DevKeys;
beforeAll(async () => {
  dev = await generateDevKeys();
});

const refusal = (start: () => unknown) => {
  try {
    start();
  } catch (error) {
    return (error as Error).message;
  }
  return 'started';
};
const installation = () => generateSigningKeyPair('irkutsk-hub-2026');

test('a missing key file is named: the gateway without its key, an agency without the key sets', () => {
  expect(refusal(() => readKeyFile(KEY_FILES.gatewayKey, {}))).toMatch(/^HUB_GATEWAY_KEY_FILE is not set/);
  expect(refusal(() => readKeyFile(KEY_FILES.gatewayJwks, { HUB_GATEWAY_JWKS_FILE: path.join(dir, 'absent.json') }))).toMatch(
    /^HUB_GATEWAY_JWKS_FILE: cannot read .*absent\.json \(ENOENT\)/,
  );
  expect(refusal(() => subgraphTrust('health', { gatewayKeys: installation().jwks }, production))).toMatch(
    /health: social protection's public key set is missing \(HUB_CONSENT_JWKS_FILE\)/,
  );
  expect(refusal(() => subgraphTrust('social-protection', { gatewayKeys: installation().jwks }, production))).toMatch(
    /its consent signing key is missing \(HUB_CONSENT_KEY_FILE\)/,
  );
});

test('development keys are refused with NODE_ENV=production, by the gateway and by every subgraph', () => {
  expect(refusal(() => new IdentitySigner(dev.gateway.privateJwk, production))).toMatch(
    /kid dev-gateway-[0-9a-f]+\) is a development key: with NODE_ENV=production/,
  );
  for (const service of ['social-protection', 'health', 'education', 'employment', 'rental-fund']) {
    expect([service, refusal(() => subgraphTrust(service, devSubgraphKeys(service, dev), production))]).toEqual([
      service,
      expect.stringMatching(/is a development key/),
    ]);
  }
  // Outside production the same keys serve (npm start, the tests).
  expect(refusal(() => subgraphTrust('health', devSubgraphKeys('health', dev)))).toBe('started');
});

test('a weak or short key is refused: RSA 1024, a shared secret, a truncated Ed25519 key, a key without kid', () => {
  // The key's type and size are refused before any key is built from it, so its numbers need not be a real RSA key
  // (generating one in the test worker risked Node 20's key-export deadlock: kit/platform/signing-keys.ts).
  const rsa = {
    kty: 'RSA',
    n: randomBytes(128).toString('base64url'),
    e: 'AQAB',
    d: randomBytes(128).toString('base64url'),
    kid: 'old-rsa',
  };
  expect(refusal(() => new IdentitySigner(rsa))).toBe(
    "the gateway's signing key (kid old-rsa) is an RSA key of 1024 bits: the hub signs with Ed25519 keys only (kty OKP, crv Ed25519)",
  );
  expect(refusal(() => new IdentitySigner({ kty: 'oct', k: 'c2VjcmV0', kid: 'hmac' }))).toMatch(
    /is a shared secret: the hub signs with Ed25519 keys only/,
  );
  const short = { ...installation().privateJwk, x: Buffer.alloc(16, 1).toString('base64url') };
  expect(refusal(() => new IdentitySigner(short))).toMatch(/is 16 bytes long: an Ed25519 key is 32 bytes/);
  const { kid: _kid, ...noKid } = installation().privateJwk;
  expect(refusal(() => new IdentitySigner(noKid))).toMatch(/has no kid/);
  // A private key slipped into a key set given to verifiers would let them sign.
  expect(
    refusal(() => subgraphTrust('health', { gatewayKeys: { keys: [installation().privateJwk] }, consentKeys: installation().jwks })),
  ).toMatch(/holds a private key: a key set given to verifiers must hold public keys only/);
  // No agency but social protection may hold the consent key.
  expect(
    refusal(() => subgraphTrust('health', { gatewayKeys: installation().jwks, consentSigningKey: installation().privateJwk })),
  ).toMatch(/only social-protection holds the consent signing key/);
});

test('keys made for the installation start every party in production', () => {
  const gateway = installation();
  const consent = generateSigningKeyPair('irkutsk-consent-2026');
  expect(refusal(() => new IdentitySigner(gateway.privateJwk, production))).toBe('started');
  expect(
    refusal(() => subgraphTrust('social-protection', { gatewayKeys: gateway.jwks, consentSigningKey: consent.privateJwk }, production)),
  ).toBe('started');
  expect(refusal(() => subgraphTrust('health', { gatewayKeys: gateway.jwks, consentKeys: consent.jwks }, production))).toBe('started');
});

/** Starts an entry point as deployment does and returns how it ended and what it said. */
function run(script: string, env: Record<string, string>): Promise<{ code: number | null; said: string }> {
  return new Promise((resolve) => {
    const child = spawn(process.execPath, ['-r', '@swc-node/register', script], {
      cwd: root,
      env: { PATH: process.env.PATH, NODE_ENV: 'production', HUB_HOME: dir, HUB_LOG_LEVEL: 'warn', ...env } as never,
      stdio: ['ignore', 'pipe', 'pipe'],
    });
    let said = '';
    child.stdout.on('data', (d) => (said += d));
    child.stderr.on('data', (d) => (said += d));
    const timer = setTimeout(() => child.kill('SIGKILL'), 30_000);
    child.on('exit', (code) => {
      clearTimeout(timer);
      resolve({ code, said });
    });
  });
}

test('each entry point with NODE_ENV=production exits at once with the reason, nothing listening', async () => {
  const [gateway, health, socialProtection, hub] = await Promise.all([
    run('gateway/index.ts', { HUB_JWT_JWKS_FILE: file('jwks.json', dev.jwks) }),
    run('subgraphs/health/index.ts', {
      HEALTH_DATABASE_URL: 'postgres://nowhere/none',
      HUB_GATEWAY_JWKS_FILE: file('gateway-jwks.json', dev.gateway.jwks),
      HUB_CONSENT_JWKS_FILE: file('consent-jwks.json', dev.consent.jwks),
    }),
    run('subgraphs/social-protection/index.ts', {
      SOCIAL_PROTECTION_DATABASE_URL: 'postgres://nowhere/none',
      HUB_GATEWAY_JWKS_FILE: file('gateway-jwks-2.json', installation().jwks),
      HUB_CONSENT_KEY_FILE: file('weak.json', { kty: 'oct', k: 'c2VjcmV0', kid: 'shared' }),
    }),
    run('scripts/start.ts', {}),
  ]);
  expect([gateway.code, gateway.said]).toEqual([
    1,
    expect.stringContaining('The gateway refuses to start: HUB_GATEWAY_KEY_FILE is not set'),
  ]);
  expect([health.code, health.said]).toEqual([
    1,
    expect.stringMatching(/health refuses to start: health: the gateway's key set \(kid dev-gateway-\w+\) is a development key/),
  ]);
  expect([socialProtection.code, socialProtection.said]).toEqual([
    1,
    expect.stringMatching(/social-protection refuses to start: social-protection: its consent key \(kid shared\) is a shared secret/),
  ]);
  expect([hub.code, hub.said]).toEqual([1, expect.stringContaining('the hub refuses to start: HUB_GATEWAY_KEY_FILE is not set')]);
}, 60_000);
