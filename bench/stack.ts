// The agency modules and the assembly use type-graphql's decorators, which need the metadata polyfill loaded first.
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Client } from 'pg';
import { Agent, request } from 'undici';
import { DEV_ISSUER, devSubgraphKeys, generateDevKeys, HUB_AUDIENCE, mintToken, type DevKeys } from '../gateway/dev-keys';
import { createGateway, type Gateway } from '../gateway/server';
import { ASSEMBLY, buildAssembly } from '../subgraphs/assembly/assembly-schema';
import { startAssembly } from '../subgraphs/assembly/service';
import { KEY_FILES } from '../subgraphs/kit/platform/key-files';
import { createLogger } from '../subgraphs/kit/platform/logging';
import { spawn } from 'node:child_process';
import { composeSupergraphFromModules } from '../subgraphs/assembly/composition';
import { freePort, startEmbeddedPostgres, type PostgresServer } from '../scripts/lib/postgres-server';
import { progressBar } from '../scripts/lib/progress';
import { SUBGRAPH_MODULES } from '../scripts/lib/subgraphs';
import { generateRegion } from '../scripts/lib/synthetic/generate';

const silent = createLogger({}, 'silent' as never);

/** An embedded PostgreSQL with the five agency databases filled with a synthetic region. */
export async function startBenchDatabases(families: number): Promise<{ urls: Record<string, string>; stop(): Promise<void> }> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-'));
  fs.chmodSync(dir, 0o777);
  const server: PostgresServer = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), persistent: false, durable: true });
  const urls: Record<string, string> = {};
  const admin = new Client({ connectionString: `${server.baseUrl}/postgres` });
  await admin.connect();
  for (const m of SUBGRAPH_MODULES) {
    const name = `bench_${m.name.replace(/-/g, '_')}`;
    await admin.query(`CREATE DATABASE "${name}"`);
    urls[m.name] = `${server.baseUrl}/${name}`;
  }
  await admin.end();
  const started = Date.now();
  await generateRegion({ families, urls, onProgress: progressBar(`generating ${families} families`) });
  process.stdout.write(`data set: ${families} families in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  return {
    urls,
    async stop() {
      await server.stop();
      fs.rmSync(dir, { recursive: true, force: true });
    },
  };
}

export interface BenchHub {
  gatewayUrl: string;
  token(organizationId: string | null, role?: 'COORDINATOR' | 'ANALYST'): Promise<string>;
  /** SQL statements all subgraphs have sent so far (each subgraph reports its count on /health). */
  sqlStatements(): Promise<number>;
  /** Round trips to the databases so far (a batch of reads is one). */
  sqlRoundTrips(): Promise<number>;
  stop(): Promise<void>;
}

interface SubgraphProcess {
  name: string;
  url: string;
  health: string;
  stop(): Promise<void>;
}

/** One subgraph as its own process, started exactly as docker-compose starts it (`entry` and `env` name what it runs on). */
async function spawnSubgraph(
  name: string,
  entry: string,
  env: Record<string, string>,
  keyFiles: Record<string, string>,
  auditReads: boolean,
): Promise<SubgraphProcess> {
  const port = await freePort();
  const profile = process.env.HUB_BENCH_PROFILE_DIR ? ['--cpu-prof', `--cpu-prof-dir=${process.env.HUB_BENCH_PROFILE_DIR}`] : [];
  const child = spawn(process.execPath, [...profile, '-r', '@swc-node/register', entry], {
    cwd: path.join(__dirname, '..'),
    env: {
      ...process.env,
      ...env,
      ...keyFiles,
      PORT: String(port),
      HUB_LOG_LEVEL: 'error',
      HUB_AUDIT_READS: auditReads ? 'on' : 'off',
      HUB_POOL_SIZE: '20',
    },
    stdio: ['ignore', process.env.HUB_SQL_DEBUG ? 'inherit' : 'ignore', 'inherit'],
  });
  const health = `http://127.0.0.1:${port}/health`;
  for (let i = 0; i < 200; i++) {
    if (child.exitCode !== null) throw new Error(`${name} exited with ${child.exitCode}`);
    if (
      await fetch(health).then(
        (r) => r.ok,
        () => false,
      )
    )
      break;
    await new Promise((r) => setTimeout(r, 100));
  }
  return {
    name,
    url: `http://127.0.0.1:${port}/graphql`,
    health,
    stop: () =>
      new Promise<void>((resolve) => {
        child.once('exit', () => resolve());
        child.kill('SIGTERM');
      }),
  };
}

/** The key files a subgraph process reads (kit/platform/key-files.ts); each process takes only the variables it needs. */
function writeKeyFiles(keys: DevKeys): Record<string, string> {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-keys-'));
  const write = (file: string, value: unknown) => {
    fs.writeFileSync(path.join(dir, file), JSON.stringify(value), { mode: 0o600 });
    return path.join(dir, file);
  };
  return {
    [KEY_FILES.gatewayJwks]: write('gateway-jwks.json', keys.gateway.jwks),
    [KEY_FILES.consentKey]: write('consent-key.json', keys.consent.privateJwk),
    [KEY_FILES.consentJwks]: write('consent-jwks.json', keys.consent.jwks),
  };
}

/**
 * Where the bench runs the assembly subgraph (HUB_BENCH_ASSEMBLY): `process` (default) — its own process, as a
 * standard router would call it and as the agencies run here, so route-cpu.ts reports its CPU apart from the
 * gateway's; `in-process` — in the gateway's process over loopback HTTP, as scripts/start.ts and the test hub run it.
 */
export const ASSEMBLY_MODE = process.env.HUB_BENCH_ASSEMBLY === 'in-process' ? 'in-process' : 'process';

/** The assembly subgraph, built from the agency SDLs the supergraph was composed with. */
async function startBenchAssembly(
  subgraphSdls: Record<string, string>,
  keys: DevKeys,
  keyFiles: Record<string, string>,
): Promise<{ name: string; url: string; stop(): Promise<void> }> {
  const agencySdls = Object.fromEntries(Object.entries(subgraphSdls).filter(([name]) => name !== ASSEMBLY));
  if (ASSEMBLY_MODE === 'in-process') {
    return startAssembly(buildAssembly(agencySdls), { keys: devSubgraphKeys(ASSEMBLY, keys), logger: silent });
  }
  const file = path.join(path.dirname(keyFiles[KEY_FILES.gatewayJwks]), 'agency-sdls.json');
  fs.writeFileSync(file, JSON.stringify(agencySdls));
  return spawnSubgraph(ASSEMBLY, 'bench/assembly-service.ts', { HUB_BENCH_AGENCY_SDLS: file }, keyFiles, true);
}

/** The real hub (five agency subgraphs and the assembly subgraph over HTTP behind the gateway) on the bench databases. */
export async function startBenchHub(urls: Record<string, string>, options: { auditReads: boolean }): Promise<BenchHub> {
  const keys: DevKeys = await generateDevKeys();
  const keyFiles = writeKeyFiles(keys);
  // Each subgraph in its own process, as deployed: the gateway and the load generator share this one.
  const subgraphs = await Promise.all(
    SUBGRAPH_MODULES.map((m) =>
      spawnSubgraph(
        m.name,
        `subgraphs/${m.name}/index.ts`,
        { [`${m.name.toUpperCase().replace(/-/g, '_')}_DATABASE_URL`]: urls[m.name] },
        keyFiles,
        options.auditReads,
      ),
    ),
  );
  const { supergraphSdl, subgraphSdls } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  // Family.route, Person.accessLog, resource maps and statistics are the assembly subgraph's fields (@requires):
  // without it the gateway would call the URL recorded at composition (localhost:4006).
  const assembly = await startBenchAssembly(subgraphSdls, keys, keyFiles);
  const gateway: Gateway = await createGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries([...subgraphs, assembly].map((s) => [s.name, s.url])),
    jwt: { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwks: keys.jwks },
    signingKey: keys.gateway.privateJwk,
    logger: silent,
    limits: { maxCost: 1_000_000 },
  });
  const gatewayUrl = await gateway.listen(0);
  const tokens = new Map<string, string>();
  return {
    gatewayUrl,
    async token(organizationId, role = 'COORDINATOR') {
      const key = `${role}:${organizationId}`;
      if (!tokens.has(key)) tokens.set(key, await mintToken(keys.privateJwk, { subject: 'bench', role, organizationId }));
      return tokens.get(key)!;
    },
    async sqlStatements() {
      const counts = await Promise.all(
        subgraphs.map(async (s) => ((await (await fetch(s.health)).json()) as { sqlStatements: number }).sqlStatements),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    async sqlRoundTrips() {
      const counts = await Promise.all(
        subgraphs.map(async (s) => ((await (await fetch(s.health)).json()) as { sqlRoundTrips: number }).sqlRoundTrips),
      );
      return counts.reduce((a, b) => a + b, 0);
    },
    async stop() {
      await gateway.stop();
      await assembly.stop();
      await Promise.all(subgraphs.map((s) => s.stop()));
      // The private keys (and the agency SDLs) written for the processes do not outlive the run.
      fs.rmSync(path.dirname(keyFiles[KEY_FILES.gatewayJwks]), { recursive: true, force: true });
    },
  };
}

// The load generator shares a process with the gateway: a light HTTP client (undici's request over keep-alive)
// keeps its own cost out of the hub's figures as far as possible.
const client = new Agent({ keepAliveTimeout: 30_000 });

/** The part of a GraphQL answer the load generator looks at: whether the route came back, and errors. */
export interface BenchAnswer {
  data?: { family?: { route?: unknown } | null } | null;
  errors?: { message: string }[];
}

export function post(url: string, token: string, query: string, variables: Record<string, unknown>): Promise<BenchAnswer> {
  return postJson<BenchAnswer>(url, { query, variables }, { authorization: `Bearer ${token}` });
}

export async function postJson<T>(url: string, body: unknown, headers: Record<string, string> = {}): Promise<T> {
  const response = await request(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
    dispatcher: client,
  });
  return (await response.body.json()) as T;
}
