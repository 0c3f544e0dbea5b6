import { spawn, type ChildProcess } from 'node:child_process';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parse } from 'yaml';
import { freePort } from '../../scripts/lib/postgres-server';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { generateDevKeys } from '../../gateway/dev-keys';
import { clockEnvironment } from '../../subgraphs/kit/platform/clock';
import { KEY_FILES } from '../../subgraphs/kit/platform/key-files';
import { createTestDatabase } from '../support/database';
import { ASSEMBLY } from '../../subgraphs/assembly/assembly-schema';

/**
 * No Docker engine runs here, so this test does what compose would do with each service:
 * it reads docker-compose.yml, and starts every hub service with exactly the command and
 * environment variable names the file gives, against real PostgreSQL, until /health answers.
 */
const root = path.resolve(__dirname, '..', '..');
const compose = parse(fs.readFileSync(path.join(root, 'docker-compose.yml'), 'utf8'), { merge: true });
const hubServices = Object.entries<any>(compose.services).filter(([, s]) => s.build);

test('docker-compose names the gateway, the five subgraphs with one PostgreSQL per agency, and the assembly subgraph, all with health checks', () => {
  const names = Object.keys(compose.services).sort();
  const expected = ['gateway', ASSEMBLY, ...SUBGRAPH_MODULES.flatMap((m) => [m.name, `${m.name}-db`])].sort();
  expect(names).toEqual(expected);
  for (const [name, service] of Object.entries<any>(compose.services)) {
    expect([name, Boolean(service.healthcheck?.test)]).toEqual([name, true]);
  }
  expect(fs.existsSync(path.join(root, 'Dockerfile'))).toBe(true);
});

const children: ChildProcess[] = [];
afterAll(() => children.forEach((c) => c.kill('SIGTERM')));

async function waitForHealth(port: number, child: ChildProcess, log: () => string): Promise<Record<string, unknown>> {
  const deadline = Date.now() + 40_000;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`exited with ${child.exitCode}: ${log()}`);
    try {
      const response = await fetch(`http://127.0.0.1:${port}/health`);
      if (response.ok) return (await response.json()) as Record<string, unknown>;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 250));
  }
  throw new Error(`no health answer: ${log()}`);
}

test('each private key is given to one service only (the gateway its own, social protection the consent key); the others get public key sets', () => {
  const given = Object.fromEntries(
    hubServices.map(([name, s]) => [
      name,
      {
        secrets: s.secrets ?? [],
        keyFiles: Object.keys(s.environment)
          .filter((k) => k.startsWith('HUB_') && k.endsWith('_FILE'))
          .sort(),
      },
    ]),
  );
  expect(given.gateway).toEqual({ secrets: ['gateway-key'], keyFiles: [KEY_FILES.gatewayKey] });
  expect(given['social-protection']).toEqual({ secrets: ['consent-key'], keyFiles: [KEY_FILES.consentKey, KEY_FILES.gatewayJwks] });
  for (const name of [...SUBGRAPH_MODULES.map((m) => m.name).filter((n) => n !== 'social-protection'), ASSEMBLY]) {
    expect([name, given[name]]).toEqual([name, { secrets: [], keyFiles: [KEY_FILES.consentJwks, KEY_FILES.gatewayJwks] }]);
  }
});

test('every hub service starts from its compose command and answers /health', async () => {
  const keys = await generateDevKeys();
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-jwks-'));
  const file = (name: string, value: unknown) => {
    fs.writeFileSync(path.join(dir, name), JSON.stringify(value));
    return path.join(dir, name);
  };
  const jwksFile = file('jwks.json', keys.jwks);
  // What compose mounts from its secrets and configs, here as files named by the same variables.
  const keyFiles: Record<string, string> = {
    [KEY_FILES.gatewayKey]: file('gateway-key.json', keys.gateway.privateJwk),
    [KEY_FILES.gatewayJwks]: file('gateway-jwks.json', keys.gateway.jwks),
    [KEY_FILES.consentKey]: file('consent-key.json', keys.consent.privateJwk),
    [KEY_FILES.consentJwks]: file('consent-jwks.json', keys.consent.jwks),
  };
  const ports: Record<string, number> = {};
  const started = hubServices.map(async ([name, service]) => {
    const port = await freePort();
    ports[name] = port;
    const env: Record<string, string> = {
      ...process.env,
      ...clockEnvironment(),
      PORT: String(port),
      HOST: '127.0.0.1',
      HUB_LOG_LEVEL: 'warn',
    } as never;
    for (const key of Object.keys(service.environment ?? {})) {
      if (key.endsWith('_DATABASE_URL')) env[key] = await createTestDatabase(`compose_${name}`);
      if (keyFiles[key]) env[key] = keyFiles[key];
    }
    if (name === 'gateway') {
      expect(Object.keys(service.environment)).toEqual(expect.arrayContaining(['HUB_JWT_JWKS_URL', 'SUPERGRAPH_FILE']));
      env.HUB_JWT_JWKS_FILE = jwksFile;
      env.SUPERGRAPH_FILE = path.join(root, service.environment.SUPERGRAPH_FILE);
    }
    const [command, ...args] = service.command as string[];
    expect(fs.existsSync(path.join(root, args[args.length - 1]))).toBe(true);
    const child = spawn(command, args, { cwd: root, env, stdio: ['ignore', 'pipe', 'pipe'] });
    children.push(child);
    let output = '';
    child.stdout?.on('data', (d) => (output += d));
    child.stderr?.on('data', (d) => (output += d));
    const health = await waitForHealth(port, child, () => output.slice(-2000));
    return [name, health.status] as const;
  });
  const results = Object.fromEntries(await Promise.all(started));
  expect(Object.keys(results).sort()).toEqual(['gateway', ASSEMBLY, ...SUBGRAPH_MODULES.map((m) => m.name)].sort());
  expect(new Set(Object.values(results))).toEqual(new Set(['ok']));
}, 90_000);
