import { subgraphKeysFromEnvironment } from './key-files';
import { createLogger } from './logging';
import { KeyConfigurationError } from './signing-keys';
import type { SubgraphKeys } from './subgraph-trust';
import { startSubgraph, type SubgraphModule } from './subgraph';
import { upperSnake } from '../../conventions/tags';

/**
 * One subgraph as its own process (docker-compose, production): configured by environment,
 * e.g. HEALTH_DATABASE_URL, HUB_GATEWAY_JWKS_FILE, HUB_CONSENT_JWKS_FILE (or social protection's HUB_CONSENT_KEY_FILE), PORT.
 */
export function runSubgraphFromEnvironment(module: SubgraphModule): void {
  const logger = createLogger({});
  const databaseUrl = process.env[`${upperSnake(module.name)}_DATABASE_URL`] ?? process.env.DATABASE_URL;
  if (!databaseUrl) {
    logger.log('error', `set ${upperSnake(module.name)}_DATABASE_URL`);
    process.exit(1);
  }
  let keys: SubgraphKeys;
  try {
    keys = subgraphKeysFromEnvironment(module.name);
  } catch (error) {
    logger.log('error', `${module.name} refuses to start: ${(error as Error).message}`);
    process.exit(1);
  }
  startSubgraph(
    module,
    // HUB_AUDIT_READS=off exists only so the benchmark can measure what auditing reads costs.
    {
      databaseUrl,
      keys,
      keyPolicy: { production: process.env.NODE_ENV === 'production' },
      demoData: process.env.HUB_DEMO_DATA === '1',
      logger,
      auditReads: process.env.HUB_AUDIT_READS !== 'off',
      poolSize: Number(process.env.HUB_POOL_SIZE ?? 10),
    },
    Number(process.env.PORT ?? 4001),
    process.env.HOST,
  )
    .then((running) => {
      const stop = () => running.stop().then(() => process.exit(0));
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    })
    .catch((error) => {
      const refused = error instanceof KeyConfigurationError;
      logger.log('error', `${module.name} ${refused ? 'refuses' : 'failed'} to start: ${(error as Error).message ?? error}`);
      process.exit(1);
    });
}
