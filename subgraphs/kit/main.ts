import { createLogger } from './logging';
import { startSubgraph, type SubgraphModule } from './subgraph';

const envName = (name: string) => name.toUpperCase().replace(/-/g, '_');

/**
 * One subgraph as its own process (docker-compose, production): configured by environment,
 * e.g. HEALTH_DATABASE_URL, HUB_IDENTITY_SECRET, PORT.
 */
export function runSubgraphFromEnvironment(module: SubgraphModule): void {
  const logger = createLogger({});
  const databaseUrl = process.env[`${envName(module.name)}_DATABASE_URL`] ?? process.env.DATABASE_URL;
  const identitySecret = process.env.HUB_IDENTITY_SECRET;
  if (!databaseUrl || !identitySecret) {
    logger.log('error', `set ${envName(module.name)}_DATABASE_URL and HUB_IDENTITY_SECRET`);
    process.exit(1);
  }
  startSubgraph(
    module,
    // HUB_AUDIT_READS=off exists only so the benchmark can measure what auditing reads costs.
    { databaseUrl, identitySecret, demoData: process.env.HUB_DEMO_DATA === '1', logger, auditReads: process.env.HUB_AUDIT_READS !== 'off', poolSize: Number(process.env.HUB_POOL_SIZE ?? 10) }, Number(process.env.PORT ?? 4001), process.env.HOST)
    .then((running) => {
      const stop = () => running.stop().then(() => process.exit(0));
      process.once('SIGINT', () => void stop());
      process.once('SIGTERM', () => void stop());
    })
    .catch((error) => {
      logger.log('error', 'subgraph failed to start', { error: String(error) });
      process.exit(1);
    });
}
