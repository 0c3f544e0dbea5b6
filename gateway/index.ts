/**
 * The gateway as its own process (docker-compose, production), configured by environment:
 * SUPERGRAPH_FILE, <SUBGRAPH>_URL (e.g. HEALTH_URL), HUB_JWT_JWKS_URL or HUB_JWT_JWKS_FILE,
 * HUB_JWT_ISSUER, HUB_GATEWAY_KEY_FILE (its private signing key), NODE_ENV=production, PORT, HOST;
 * HUB_REGISTRY_URL (the schema registry it follows, SUPERGRAPH_FILE then being the fallback) and HUB_REGISTRY_POLL_MS.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { createLogger } from '../subgraphs/kit/platform/logging';
import { KEY_FILES, readKeyFile } from '../subgraphs/kit/platform/key-files';
import { KeyConfigurationError } from '../subgraphs/kit/platform/signing-keys';
import { HUB_AUDIENCE } from './dev-keys';
import { createGateway } from './server';
import { upperSnake } from '../subgraphs/conventions/tags';

/** The subgraphs named in the supergraph (`join__Graph`), so a partner joining needs no change here. */
const subgraphNames = (supergraphSdl: string) => [...supergraphSdl.matchAll(/@join__graph\(name: "([^"]+)"/g)].map((m) => m[1]);

async function main() {
  const logger = createLogger({});
  const signingKey = readKeyFile(KEY_FILES.gatewayKey);
  const supergraphFile = process.env.SUPERGRAPH_FILE ?? path.join(__dirname, '..', 'schema', 'supergraph.graphql');
  const supergraphSdl = fs.readFileSync(supergraphFile, 'utf8');
  const subgraphUrls: Record<string, string> = {};
  for (const name of subgraphNames(supergraphSdl)) {
    const url = process.env[`${upperSnake(name)}_URL`];
    if (url) subgraphUrls[name] = url;
  }
  const gateway = await createGateway({
    supergraphSdl,
    subgraphUrls,
    jwt: {
      issuer: process.env.HUB_JWT_ISSUER ?? 'federation-hub-dev',
      audience: process.env.HUB_JWT_AUDIENCE ?? HUB_AUDIENCE,
      jwksUrl: process.env.HUB_JWT_JWKS_URL,
      jwksFile: process.env.HUB_JWT_JWKS_FILE,
    },
    signingKey,
    keyPolicy: { production: process.env.NODE_ENV === 'production' },
    production: process.env.NODE_ENV === 'production',
    logger,
    registry: process.env.HUB_REGISTRY_URL
      ? { url: process.env.HUB_REGISTRY_URL, pollIntervalMs: Number(process.env.HUB_REGISTRY_POLL_MS ?? 1000) }
      : undefined,
  });
  const url = await gateway.listen(Number(process.env.PORT ?? 4000), process.env.HOST ?? '127.0.0.1');
  logger.log('info', 'gateway listening', { url });
  const stop = () => gateway.stop().then(() => process.exit(0));
  process.once('SIGINT', () => void stop());
  process.once('SIGTERM', () => void stop());
}

main().catch((error) => {
  // A key problem is the operator's to fix: say which key and why, without a stack trace.
  console.error(error instanceof KeyConfigurationError ? `The gateway refuses to start: ${error.message}` : error);
  process.exit(1);
});
