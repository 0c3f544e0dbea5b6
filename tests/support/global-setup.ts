import os from 'node:os';
import path from 'node:path';
import fs from 'node:fs';
import { startEmbeddedPostgres } from '../../scripts/lib/postgres-server';

/**
 * One real PostgreSQL for the whole test run: the embedded server by default, or an external
 * one when HUB_TEST_POSTGRES_URL is set (for example postgres://postgres@127.0.0.1:5432).
 * Test files create their own databases on it, so they never see each other's rows.
 */
export default async function globalSetup(): Promise<void> {
  if (process.env.HUB_TEST_POSTGRES_URL) return;
  const dataDir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-test-pg-'));
  fs.chmodSync(dataDir, 0o777);
  const server = await startEmbeddedPostgres({ dataDir: path.join(dataDir, 'data'), persistent: false });
  process.env.HUB_TEST_POSTGRES_URL = server.baseUrl;
  (globalThis as Record<string, unknown>).__hubPostgres = { server, dataDir };
}
