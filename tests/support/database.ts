import { Client } from 'pg';
import { randomBytes } from 'node:crypto';

/** A fresh, empty database on the test server, named after the test that asked for it. */
export async function createTestDatabase(prefix: string): Promise<string> {
  const base = process.env.HUB_TEST_POSTGRES_URL;
  if (!base) throw new Error('HUB_TEST_POSTGRES_URL is not set: run the tests through jest (global setup starts PostgreSQL)');
  const name = `${prefix.replace(/[^a-z0-9_]/gi, '_').toLowerCase()}_${randomBytes(4).toString('hex')}`;
  const admin = new Client({ connectionString: `${base}/postgres` });
  await admin.connect();
  try {
    await admin.query(`CREATE DATABASE "${name}"`);
  } finally {
    await admin.end();
  }
  return `${base}/${name}`;
}
