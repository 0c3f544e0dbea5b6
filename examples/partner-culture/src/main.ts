import 'reflect-metadata';
import { createLogger, ensureDatabase, startSubgraph, subgraphKeysFromEnvironment } from '@federation-hub/partner-kit';
import { culture } from './subgraph';

/**
 * The centre as its own process. Environment:
 *   PORT (default 4100), HOST (default 127.0.0.1),
 *   DATABASE_URL (default the dev hub's embedded PostgreSQL: postgres://hub:hub@127.0.0.1:54329/partner_culture; created if missing),
 *   HUB_GATEWAY_JWKS_FILE, HUB_CONSENT_JWKS_FILE (the hub's PUBLIC key sets; in development .hub/keys/*.jwks.json of the hub).
 */
const DEFAULT_DATABASE_URL = 'postgres://hub:hub@127.0.0.1:54329/partner_culture';

async function main(): Promise<void> {
  const logger = createLogger({});
  const databaseUrl = process.env.DATABASE_URL ?? DEFAULT_DATABASE_URL;
  // Keys first: without the hub's public keys the centre could not tell the gateway's requests from anyone's.
  const keys = subgraphKeysFromEnvironment(culture.name);
  await ensureDatabase(databaseUrl);
  const running = await startSubgraph(
    culture,
    { databaseUrl, keys, keyPolicy: { production: process.env.NODE_ENV === 'production' }, logger },
    Number(process.env.PORT ?? 4100),
    process.env.HOST ?? '127.0.0.1',
  );
  process.stdout.write(`culture subgraph listening at ${running.url}\n`);
  const stop = () => void running.stop().then(() => process.exit(0));
  process.once('SIGINT', stop);
  process.once('SIGTERM', stop);
}

main().catch((error: Error) => {
  process.stderr.write(`culture failed to start: ${error.message}\n`);
  process.exit(1);
});
