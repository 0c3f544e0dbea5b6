import net from 'node:net';
import { Client } from 'pg';
import { fromDatabaseError } from '../../subgraphs/kit/platform/database-errors';
import { AuditRecord } from '../../subgraphs/kit/policy/audit';
import { openDatabase, type Database } from '../../subgraphs/kit/platform/database';
import { createTestDatabase } from '../support/database';

/**
 * The one mapping every subgraph uses (kit/platform/database-errors.ts), fed with errors a real PostgreSQL raises through
 * MikroORM or pg: the caller gets the hub's code, and nothing of the refused values is in the message.
 */
let url: string;
let database: Database;

beforeAll(async () => {
  url = await createTestDatabase('database_errors');
  database = await openDatabase({ url, entities: [AuditRecord], migrations: [] });
  await database.orm.em
    .getConnection()
    .execute(`create table person (snils varchar(11) primary key, last_name text not null, family_id uuid)`);
});
afterAll(() => database?.close());

const sql = (query: string, params: unknown[] = []) => database.orm.em.fork().getConnection().execute(query, params);
async function refusal(work: Promise<unknown>) {
  const error = await work.then(
    () => null,
    (e: unknown) => e,
  );
  expect(error).not.toBeNull();
  return fromDatabaseError(error);
}

test('a unique violation is CONFLICT naming the column, never its value', async () => {
  await sql(`insert into person (snils, last_name) values (?, ?)`, ['11223344595', 'Иванова']);
  const mapped = await refusal(sql(`insert into person (snils, last_name) values (?, ?)`, ['11223344595', 'Петрова']));
  expect(mapped?.extensions).toEqual({ code: 'CONFLICT', field: 'snils' });
  expect(mapped?.message).not.toContain('11223344595');
});

test('text PostgreSQL cannot read as the column type (invalid text representation) is BAD_USER_INPUT', async () => {
  const mapped = await refusal(sql(`select * from person where family_id = ?`, ['family-42']));
  expect(mapped?.extensions.code).toBe('BAD_USER_INPUT');
  expect(mapped?.message).not.toContain('family-42');
});

test('a missing NOT NULL value is BAD_USER_INPUT naming the column', async () => {
  const mapped = await refusal(sql(`insert into person (snils, last_name) values (?, null)`, ['99887766541']));
  expect(mapped?.extensions).toEqual({ code: 'BAD_USER_INPUT', field: 'lastName' });
});

test('an administrator shutdown of the connection (57P01) is a retryable SERVICE_UNAVAILABLE', async () => {
  const client = new Client({ connectionString: url });
  client.on('error', () => undefined);
  await client.connect();
  const mapped = await refusal(client.query('select pg_terminate_backend(pg_backend_pid())'));
  await client.end().catch(() => undefined);
  expect(mapped?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'DATABASE_UNAVAILABLE' });
});

test('too many connections (53300) is a retryable SERVICE_UNAVAILABLE', async () => {
  const role = `no_connections_${process.pid}`;
  await sql(`create role ${role} login password '${role}' connection limit 0`);
  const target = new URL(url);
  target.username = role;
  target.password = role;
  const client = new Client({ connectionString: target.toString() });
  const mapped = await refusal(client.connect());
  // Roles belong to the whole (shared) test server, not to this test's database.
  await sql(`drop role ${role}`);
  expect(mapped?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'DATABASE_UNAVAILABLE' });
});

test('a refused connection (nothing listens on the port) is a retryable SERVICE_UNAVAILABLE', async () => {
  const closed = net.createServer();
  await new Promise<void>((resolve) => closed.listen(0, '127.0.0.1', resolve));
  const port = (closed.address() as net.AddressInfo).port;
  await new Promise((resolve) => closed.close(resolve));
  const mapped = await refusal(new Client({ host: '127.0.0.1', port, user: 'postgres' }).connect());
  expect(mapped?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'DATABASE_UNAVAILABLE' });
});

test('errors that are not the database are left to the masking (null)', () => {
  expect(fromDatabaseError(new TypeError('x is undefined'))).toBeNull();
});

test('a transaction whose connection dies is a retryable SERVICE_UNAVAILABLE at every later statement, not an internal error', async () => {
  const em = database.orm.em.fork();
  const statements: unknown[] = [];
  await em
    .transactional(async (tx) => {
      const connection = tx.getConnection();
      const pid = (await connection.execute<{ pid: number }[]>('select pg_backend_pid() as pid', [], 'all', tx.getTransactionContext()))[0]
        .pid;
      const admin = new Client({ connectionString: url });
      await admin.connect();
      await admin.query('select pg_terminate_backend($1)', [pid]);
      await admin.end();
      for (let i = 0; i < 2; i++) {
        await connection.execute('select 1', [], 'all', tx.getTransactionContext()).catch((e: unknown) => statements.push(e));
      }
    })
    .catch((e: unknown) => statements.push(e));
  expect(statements.length).toBeGreaterThanOrEqual(2);
  for (const error of statements) {
    expect(fromDatabaseError(error)?.extensions).toEqual({ code: 'SERVICE_UNAVAILABLE', retryable: true, reason: 'DATABASE_UNAVAILABLE' });
  }
});
