import fs from 'node:fs';
import type { PostgresServer } from '../../scripts/lib/postgres-server';

export default async function globalTeardown(): Promise<void> {
  const handle = (globalThis as Record<string, unknown>).__hubPostgres as { server: PostgresServer; dataDir: string } | undefined;
  if (!handle) return;
  await handle.server.stop();
  fs.rmSync(handle.dataDir, { recursive: true, force: true });
}
