import { Client } from 'pg';
import { createTestDatabase } from './database';

test('the test run has a real PostgreSQL server', async () => {
  const url = await createTestDatabase('probe');
  const client = new Client({ connectionString: url });
  await client.connect();
  const { rows } = await client.query<{ server_version_num: string }>('SHOW server_version_num');
  await client.end();
  expect(Number(rows[0].server_version_num)).toBeGreaterThanOrEqual(150000);
});
