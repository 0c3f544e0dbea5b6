/**
 * The assembly subgraph as its own process (docker-compose, or behind any federation router): it serves what the
 * committed supergraph was composed with, generated from the committed agency schemas in schema/subgraphs/.
 * Environment: HUB_GATEWAY_JWKS_FILE, HUB_CONSENT_JWKS_FILE, PORT, HOST.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import path from 'node:path';
import { subgraphKeysFromEnvironment } from '../kit/platform/key-files';
import { createLogger } from '../kit/platform/logging';
import { ASSEMBLY, buildAssembly } from './assembly-schema';
import { startAssembly } from './service';

/** The committed agency schemas the supergraph was composed from: every subgraph's SDL but the assembly's own. */
export function committedAgencySdls(schemaDir = path.resolve(__dirname, '..', '..', 'schema')): Record<string, string> {
  const dir = path.join(schemaDir, 'subgraphs');
  return Object.fromEntries(
    fs
      .readdirSync(dir)
      .filter((file) => file.endsWith('.graphql') && file !== `${ASSEMBLY}.graphql`)
      .map((file) => [path.basename(file, '.graphql'), fs.readFileSync(path.join(dir, file), 'utf8')]),
  );
}

if (require.main === module) {
  const logger = createLogger({});
  startAssembly(
    buildAssembly(committedAgencySdls()),
    { keys: subgraphKeysFromEnvironment(ASSEMBLY), keyPolicy: { production: process.env.NODE_ENV === 'production' }, logger },
    Number(process.env.PORT ?? 4006),
    process.env.HOST,
  )
    .then((running) => {
      const stop = () => running.stop().then(() => process.exit(0));
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    })
    .catch((error) => {
      logger.log('error', `${ASSEMBLY} failed to start: ${(error as Error).message ?? error}`);
      process.exit(1);
    });
}
