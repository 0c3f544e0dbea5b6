import fs from 'node:fs';
import path from 'node:path';
import { createGateway, type Gateway, type GatewayOptions } from '../../gateway/server';
import {
  DEV_ISSUER,
  devSubgraphKeys,
  generateDevKeys,
  HUB_AUDIENCE,
  mintToken,
  type DevKeys,
  type TokenClaims,
} from '../../gateway/dev-keys';
import { createLogger, type Logger } from '../../subgraphs/kit/platform/logging';
import { startSubgraph, type RunningSubgraph, type SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import { startAssembly, type RunningAssembly } from '../../subgraphs/assembly/service';
import { ASSEMBLY } from '../../subgraphs/assembly/assembly-schema';
import type { SubgraphKeys } from '../../subgraphs/kit/platform/subgraph-trust';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';
import { composeSupergraphFromModules } from '../../subgraphs/assembly/composition';
import { createTestDatabase } from './database';

export interface GraphQLResponse<T = Record<string, any>> {
  status: number;
  data?: T | null;
  errors?: { message: string; path?: (string | number)[]; extensions?: Record<string, any> }[];
}

export interface TestHub {
  gatewayUrl: string;
  subgraphs: Record<string, RunningSubgraph>;
  /** The assembly subgraph generated for these agencies (route, access log, resource map, statistics). */
  assembly: RunningAssembly;
  keys: DevKeys;
  /** The supergraph the gateway serves, composed from the modules at start (other routers serve the same, tests/support/routers.ts). */
  supergraphSdl: string;
  token(claims: Partial<TokenClaims> & Pick<TokenClaims, 'role'>, expiresIn?: string | number): Promise<string>;
  /** POSTs to the gateway over HTTP with the given bearer token. */
  query<T = Record<string, any>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  /** SQL statements each subgraph has sent so far. */
  sqlStatements(): Record<string, number>;
  stop(): Promise<void>;
}

export interface TestHubOptions {
  modules?: SubgraphModule[];
  demoData?: boolean;
  gateway?: Partial<GatewayOptions>;
  /** Where log lines go (default: nowhere); tests of what is logged capture them. */
  logger?: Logger;
  /** Lets a test put something (a proxy it can cut) between a subgraph and its database. */
  databaseUrl?: (service: string, url: string) => string | Promise<string>;
  /** Lets a test put something (a capture proxy) between the gateway and a subgraph. */
  subgraphUrl?: (service: string, url: string) => string | Promise<string>;
  /** The hub's keys (default: fresh development keys); a test of key rotation brings its own. */
  keys?: DevKeys;
  /** What each subgraph is given of the keys (default: devSubgraphKeys). */
  subgraphKeys?: (service: string, keys: DevKeys) => SubgraphKeys;
  /** The schema registry the gateway follows (issue 16 §3); the supergraph composed from `modules` is its fallback. */
  registry?: GatewayOptions['registry'];
  /** The gateway follows this hub's own registry subgraph, as `npm start` does (poll interval in ms). */
  followOwnRegistry?: { pollIntervalMs?: number };
}

export const silentLogger = createLogger({}, 'silent' as never);

/**
 * The real hub for end-to-end tests: every subgraph on its own fresh database and its own port,
 * the gateway in front of them, all talking HTTP — as in gateway-js's test utilities.
 */
export async function startTestHub(options: TestHubOptions = {}): Promise<TestHub> {
  const modules = options.modules ?? SUBGRAPH_MODULES;
  const keys = options.keys ?? (await generateDevKeys());
  const subgraphs: Record<string, RunningSubgraph> = {};
  try {
    await Promise.all(
      modules.map(async (module) => {
        const created = await createTestDatabase(module.name);
        const databaseUrl = options.databaseUrl ? await options.databaseUrl(module.name, created) : created;
        subgraphs[module.name] = await startSubgraph(module, {
          databaseUrl,
          keys: (options.subgraphKeys ?? devSubgraphKeys)(module.name, keys),
          demoData: options.demoData ?? true,
          logger: options.logger ?? silentLogger,
        });
      }),
    );
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    throw error;
  }
  const { supergraphSdl, assembly: generated } = await composeSupergraphFromModules(modules);
  let assembly: RunningAssembly;
  try {
    assembly = await startAssembly(generated, {
      keys: (options.subgraphKeys ?? devSubgraphKeys)(ASSEMBLY, keys),
      logger: options.logger ?? silentLogger,
    });
  } catch (error) {
    await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    throw error;
  }
  const running: Record<string, { url: string }> = { ...subgraphs, [ASSEMBLY]: assembly };
  const gateway: Gateway = await createGateway({
    supergraphSdl,
    subgraphUrls: Object.fromEntries(
      await Promise.all(
        Object.entries(running).map(async ([name, s]) => [name, options.subgraphUrl ? await options.subgraphUrl(name, s.url) : s.url]),
      ),
    ),
    jwt: { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwks: keys.jwks },
    signingKey: keys.gateway.privateJwk,
    devTokenKey: keys.privateJwk,
    logger: options.logger ?? silentLogger,
    registry:
      options.followOwnRegistry && subgraphs.registry ? { url: subgraphs.registry.url, ...options.followOwnRegistry } : options.registry,
    ...options.gateway,
  });
  const gatewayUrl = await gateway.listen(0);
  return {
    gatewayUrl,
    subgraphs,
    assembly,
    keys,
    supergraphSdl,
    token: (claims, expiresIn) => mintToken(keys.privateJwk, { subject: `test-${claims.role.toLowerCase()}`, ...claims }, expiresIn),
    async query(token, query, variables) {
      const response = await fetch(gatewayUrl, {
        method: 'POST',
        headers: { 'content-type': 'application/json', ...(token ? { authorization: `Bearer ${token}` } : {}) },
        body: JSON.stringify({ query, variables }),
      });
      return { status: response.status, ...((await response.json()) as object) };
    },
    sqlStatements: () => Object.fromEntries(Object.entries(subgraphs).map(([name, s]) => [name, s.database.statements.count])),
    async stop() {
      await gateway.stop();
      await assembly.stop();
      await Promise.all(Object.values(subgraphs).map((s) => s.stop()));
    },
  };
}

export function readCommittedSchema(file: string): string {
  return fs.readFileSync(path.resolve(__dirname, '..', '..', 'schema', file), 'utf8');
}
