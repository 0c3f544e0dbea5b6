import 'reflect-metadata';
/**
 * `npm start`: the whole hub on one machine with demo data.
 * - PostgreSQL: the embedded server in .hub/postgres (kept between runs; `npm start -- --reset` wipes it),
 *   unless every agency has <AGENCY>_DATABASE_URL pointing at an external server.
 * - Each agency subgraph on its own port and its own database, then the gateway on :4000.
 * Ctrl-C stops everything cleanly.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { devSubgraphKeys, loadOrCreateDevKeys, DEV_ISSUER, HUB_AUDIENCE, mintToken } from '../gateway/dev-keys';
import { KEY_FILES, readKeyFile, subgraphKeysFromEnvironment } from '../subgraphs/kit/platform/key-files';
import { IdentitySigner } from '../subgraphs/kit/platform/identity';
import { subgraphTrust, type SubgraphKeys } from '../subgraphs/kit/platform/subgraph-trust';
import { createGateway } from '../gateway/server';
import { DEMO_FAMILIES } from '../subgraphs/kit/demo/people';
import { globalId } from '../subgraphs/kit/platform/global-id';
import { DEMO_ORGANIZATIONS } from '../subgraphs/kit/demo/organizations';
import { createLogger } from '../subgraphs/kit/platform/logging';
import { startSubgraph, type RunningSubgraph } from '../subgraphs/kit/platform/subgraph';
import { ASSEMBLY, buildAssembly } from '../subgraphs/assembly/assembly-schema';
import { startAssembly, type RunningAssembly } from '../subgraphs/assembly/service';
import { committedAgencySdls } from '../subgraphs/assembly';
import { SignalDispatcher } from '../subgraphs/health/signal-outbox/signal-dispatcher';
import { databaseName, envName, HUB_HOME } from './lib/config';
import { reachableDataDir, startEmbeddedPostgres, type PostgresServer } from './lib/postgres-server';
import { DEFAULT_PORTS, SUBGRAPH_MODULES } from './lib/subgraphs';

async function ensureDatabase(baseUrl: string, name: string): Promise<string> {
  const admin = new Client({ connectionString: `${baseUrl}/postgres` });
  await admin.connect();
  try {
    const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [name]);
    if (!rowCount) await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return `${baseUrl}/${name}`;
}

async function main() {
  const reset = process.argv.includes('--reset');
  const logger = createLogger({});
  const production = process.env.NODE_ENV === 'production';
  fs.mkdirSync(HUB_HOME, { recursive: true });
  const keys = await loadOrCreateDevKeys(path.join(HUB_HOME, 'keys'));
  // The development keys of .hub/keys unless the key files are set; production always reads the files (and refuses dev keys).
  // All keys are checked before anything starts: a key problem stops the hub with its name, not half of it running.
  const ownKeys = production || Boolean(process.env[KEY_FILES.gatewayKey]);
  let gatewayKey: unknown;
  const subgraphKeys: Record<string, SubgraphKeys> = {};
  try {
    gatewayKey = ownKeys ? readKeyFile(KEY_FILES.gatewayKey) : keys.gateway.privateJwk;
    new IdentitySigner(gatewayKey, { production });
    for (const name of [...SUBGRAPH_MODULES.map((m) => m.name), ASSEMBLY]) {
      subgraphKeys[name] = ownKeys ? subgraphKeysFromEnvironment(name) : devSubgraphKeys(name, keys);
      subgraphTrust(name, subgraphKeys[name], { production });
    }
  } catch (error) {
    logger.log('error', `the hub refuses to start: ${(error as Error).message}`);
    process.exit(1);
  }

  const external = SUBGRAPH_MODULES.every((m) => process.env[envName(m.name)]);
  let postgres: PostgresServer | null = null;
  if (!external) {
    const dataDir = reachableDataDir(path.join(HUB_HOME, 'postgres'));
    postgres = await startEmbeddedPostgres({ dataDir, persistent: true, reset, port: Number(process.env.HUB_POSTGRES_PORT ?? 54329) });
    logger.log('info', 'embedded PostgreSQL started', { dataDir });
  }

  const running: (RunningSubgraph | RunningAssembly)[] = [];
  let stopping = false;
  let dispatchTimer: NodeJS.Timeout | undefined;
  const stop = async () => {
    if (stopping) return;
    stopping = true;
    logger.log('info', 'stopping the hub');
    clearInterval(dispatchTimer);
    await gateway?.stop().catch(() => undefined);
    logger.log('debug', 'gateway stopped');
    for (const subgraph of running.reverse()) {
      await subgraph.stop().catch(() => undefined);
      logger.log('debug', 'subgraph stopped', { subgraph: subgraph.name });
    }
    await postgres?.stop().catch(() => undefined);
    logger.log('info', 'the hub has stopped');
    process.exit(0);
  };
  // `on`, not `once`: a second Ctrl-C while stopping must not kill the process before PostgreSQL is down.
  process.on('SIGINT', () => void stop());
  process.on('SIGTERM', () => void stop());

  let gateway: Awaited<ReturnType<typeof createGateway>> | undefined;
  try {
    for (const module of SUBGRAPH_MODULES) {
      const databaseUrl = process.env[envName(module.name)] ?? (await ensureDatabase(postgres!.baseUrl, databaseName(module.name)));
      running.push(
        await startSubgraph(
          module,
          { databaseUrl, keys: subgraphKeys[module.name], keyPolicy: { production }, demoData: process.env.HUB_DEMO_DATA !== '0', logger },
          DEFAULT_PORTS[module.name],
        ),
      );
    }
    // The assembly subgraph serves what the committed supergraph was composed with: the committed agency schemas.
    const schemaDir = path.join(__dirname, '..', 'schema');
    const agencySdls = committedAgencySdls(schemaDir);
    running.push(
      await startAssembly(
        buildAssembly(agencySdls),
        { keys: subgraphKeys[ASSEMBLY], keyPolicy: { production }, logger },
        DEFAULT_PORTS[ASSEMBLY],
      ),
    );
    gateway = await createGateway({
      supergraphSdl: fs.readFileSync(path.join(schemaDir, 'supergraph.graphql'), 'utf8'),
      subgraphUrls: Object.fromEntries(running.map((s) => [s.name, s.url])),
      // The gateway follows the schema registry: a partner published there joins without a restart (issue 16 §3).
      registry: { url: running.find((s) => s.name === 'registry')!.url },
      jwt: process.env.HUB_JWT_JWKS_URL
        ? { issuer: process.env.HUB_JWT_ISSUER ?? DEV_ISSUER, audience: HUB_AUDIENCE, jwksUrl: process.env.HUB_JWT_JWKS_URL }
        : { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwksFile: keys.jwksFile },
      signingKey: gatewayKey,
      keyPolicy: { production },
      production,
      // The console's demo sign-in mints with the development identity provider's key, never beside a real one.
      devTokenKey: production || process.env.HUB_JWT_JWKS_URL ? null : keys.privateJwk,
      logger,
    });
    const url = await gateway.listen(Number(process.env.PORT ?? DEFAULT_PORTS.gateway), process.env.HOST ?? '127.0.0.1');
    // A new IPRA registered in health becomes a signal to social protection through the hub (seed 003 §15.1):
    // health's outbox is dispatched as a partner service every few seconds.
    const health = running.find((s): s is RunningSubgraph => s.name === 'health' && 'database' in s);
    if (health) {
      const dispatcher = new SignalDispatcher({
        em: health.database.orm.em as never,
        gatewayUrl: url,
        token: () =>
          mintToken(
            keys.privateJwk,
            { subject: 'health-ipra-outbox', role: 'PARTNER_SERVICE', agency: 'HEALTH', grants: ['submitSignal'] },
            '5m',
          ),
      });
      dispatchTimer = setInterval(
        () => void dispatcher.dispatchPending().catch((e) => logger.log('warn', 'signal dispatch failed', { error: String(e) })),
        5000,
      );
      dispatchTimer.unref();
    }
    const token = await mintToken(keys.privateJwk, {
      subject: 'demo-coordinator-irkutsk',
      role: 'COORDINATOR',
      organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id,
      territoryOktmo: DEMO_ORGANIZATIONS.irkutskOperator.oktmo,
    });
    // Ids leave and enter the API as global ids (schema/CONVENTIONS.md §7.4): a bare uuid would be refused.
    const example = `{ family(id: "${globalId('Family', DEMO_FAMILIES.ivanov)}") { displayName route { steps { agency kind title status dueOn } alerts { code message } } } }`;
    process.stdout.write(
      [
        '',
        `Federation hub is up: ${url}${production ? '' : `   (GraphiQL: ${url.replace(/\/graphql$/, '/')})`}`,
        `Coordinator's console: ${url.replace(/\/graphql$/, '/app/')}${production || process.env.HUB_JWT_JWKS_URL ? '' : '   (demo sign-in: choose a role and organization)'}`,
        '',
        'A coordinator token for the Ivanov family (Irkutsk), valid 8 hours:',
        token,
        '',
        'Example query:',
        `curl -s ${url} -H 'content-type: application/json' -H "authorization: Bearer $TOKEN" \\`,
        `  -d '${JSON.stringify({ query: example })}'`,
        '',
        'Other roles: npm run token -- --role specialist --agency HEALTH | --role analyst | --role administrator',
        'The demo citizen (Elena Ivanova, her son’s legal representative): npm run token -- --role citizen',
        'Stop with Ctrl-C.',
        '',
      ].join('\n'),
    );
  } catch (error) {
    logger.log('error', 'the hub failed to start', { error: String((error as Error).stack ?? error) });
    await stop();
  }
}

void main();
