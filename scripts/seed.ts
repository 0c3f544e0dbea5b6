/**
 * `npm run seed -- --families 100000 [--reset]`: a region-sized synthetic data set in the five agency databases
 * that `npm start` serves (the embedded server in .hub/, or <AGENCY>_DATABASE_URL). Synthetic people only.
 */
import fs from 'node:fs';
import path from 'node:path';
import { Client } from 'pg';
import { databaseName, envName, HUB_HOME } from './lib/config';
import { reachableDataDir, startEmbeddedPostgres, type PostgresServer } from './lib/postgres-server';
import { progressBar } from './lib/progress';
import { SUBGRAPH_MODULES } from './lib/subgraphs';
import { generateRegion } from './lib/synthetic/generate';

function option(name: string, fallback: string): string {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? process.argv[i + 1] : fallback;
}

async function main() {
  const families = Number(option('families', '10000'));
  if (!Number.isInteger(families) || families < 1) throw new Error('--families must be a positive whole number');
  const reset = process.argv.includes('--reset');
  const external = SUBGRAPH_MODULES.every((m) => process.env[envName(m.name)]);
  let server: PostgresServer | null = null;
  const urls: Record<string, string> = {};
  if (!external) {
    fs.mkdirSync(HUB_HOME, { recursive: true });
    server = await startEmbeddedPostgres({
      dataDir: reachableDataDir(path.join(HUB_HOME, 'postgres')),
      persistent: true,
      port: Number(process.env.HUB_POSTGRES_PORT ?? 54329),
    });
  }
  try {
    for (const m of SUBGRAPH_MODULES) {
      if (external) {
        urls[m.name] = process.env[envName(m.name)]!;
        continue;
      }
      const admin = new Client({ connectionString: `${server!.baseUrl}/postgres` });
      await admin.connect();
      if (reset) await admin.query(`DROP DATABASE IF EXISTS "${databaseName(m.name)}" WITH (FORCE)`);
      const { rowCount } = await admin.query('SELECT 1 FROM pg_database WHERE datname = $1', [databaseName(m.name)]);
      if (!rowCount) await admin.query(`CREATE DATABASE "${databaseName(m.name)}"`);
      await admin.end();
      urls[m.name] = `${server!.baseUrl}/${databaseName(m.name)}`;
    }
    const started = Date.now();
    await generateRegion({ families, urls, onProgress: progressBar('families') });
    process.stdout.write(`generated ${families} synthetic families in ${((Date.now() - started) / 1000).toFixed(1)} s\n`);
  } finally {
    await server?.stop();
  }
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
