/**
 * What an audited read trip costs PostgreSQL, apart from the rest of the route: eight connections (a route's agencies
 * and more) send the same multi-statement trip (two indexed reads, then the audit insert the loaders append to it,
 * committed durably), against an `audit_record` table already holding `--prefilled` rows. Variants alternate in
 * rounds so that both see the same machine; prints PostgreSQL's CPU ms and the wall ms per trip, medians of rounds.
 *
 *   node -r @swc-node/register bench/audit-commit.ts [--trips 400] [--rounds 3] [--prefilled 300000]
 */
import { randomUUID } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { parseArgs } from 'node:util';
import { Client } from 'pg';
import { v7 as timeOrderedUuid } from 'uuid';
import { startEmbeddedPostgres } from '../scripts/lib/postgres-server';

const { values: args } = parseArgs({
  options: {
    trips: { type: 'string', default: '400' },
    rounds: { type: 'string', default: '3' },
    prefilled: { type: 'string', default: '300000' },
  },
});
const TRIPS = Number(args.trips);
const ROUNDS = Number(args.rounds);
const PREFILLED = Number(args.prefilled);
const CONNECTIONS = 8;

/** CPU ms of the PostgreSQL server this process started (the postmaster and its children, finished ones included). */
function postgresCpuMs(): number {
  const processes = new Map<number, { parent: number; ms: number }>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const f = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      processes.set(Number(pid), { parent: Number(f[1]), ms: (Number(f[11]) + Number(f[12]) + Number(f[13]) + Number(f[14])) * 10 });
    } catch {
      // ended while being read
    }
  }
  const postmasters = new Set([...processes].filter(([, p]) => p.parent === process.pid).map(([pid]) => pid));
  let ms = 0;
  for (const [pid, p] of processes) if (postmasters.has(pid) || postmasters.has(p.parent)) ms += p.ms;
  return ms;
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

async function main() {
  const server = await startEmbeddedPostgres({
    dataDir: path.join(os.tmpdir(), `hub-audit-commit-${process.pid}`),
    persistent: false,
    durable: true,
    reset: true,
  });
  const admin = new Client({ connectionString: `${server.baseUrl}/postgres` });
  await admin.connect();
  try {
    await admin.query(`create table person (id uuid primary key, name text)`);
    await admin.query(`insert into person select gen_random_uuid(), 'person ' || g from generate_series(1, 100000) g`);
    const people: string[] = (await admin.query(`select id from person limit 2`)).rows.map((r) => r.id);
    // The kit's table (subgraphs/kit/policy/audit.ts), with its GIN index on person_ids.
    await admin.query(`create table audit_record (id uuid primary key, at timestamptz not null default now(), subgraph varchar(64) not null,
      request_id uuid not null, subject text not null, role varchar(32) not null, organization_id text, action varchar(16) not null,
      operation text not null, person_ids uuid[] not null, reason text)`);
    await admin.query(`create index on audit_record using gin (person_ids)`);
    await admin.query(`insert into audit_record (id, subgraph, request_id, subject, role, action, operation, person_ids)
      select gen_random_uuid(), 'health', gen_random_uuid(), 'coordinator', 'COORDINATOR', 'READ', 'Person.healthRecords',
             array[gen_random_uuid(), gen_random_uuid()] from generate_series(1, ${PREFILLED})`);
    await admin.query('vacuum analyze audit_record');

    const reads = `select * from person where id = '${people[0]}'; select * from person where id = '${people[1]}'`;
    const row = (id: string) =>
      `('${id}', now(), 'health', '${randomUUID()}', 'coordinator', 'COORDINATOR', null, 'READ', 'Person.healthRecords', ` +
      `'{"${people[0]}","${people[1]}"}'::uuid[], null)`;
    const insert = (n: number, id: () => string) =>
      `; insert into audit_record values ${Array.from({ length: n }, () => row(id())).join(', ')}`;
    const variants: Record<string, () => string> = {
      'reads only': () => reads,
      'reads + 3 rows, random ids (v4)': () => reads + insert(3, randomUUID),
      'reads + 3 rows, time-ordered ids (v7)': () => reads + insert(3, timeOrderedUuid),
      'reads + 1 row, time-ordered id (v7)': () => reads + insert(1, timeOrderedUuid),
    };

    const clients = await Promise.all(
      Array.from({ length: CONNECTIONS }, async () => {
        const client = new Client({ connectionString: `${server.baseUrl}/postgres` });
        await client.connect();
        return client;
      }),
    );
    const figures = new Map<string, { cpu: number[]; wall: number[] }>();
    for (let round = 0; round < ROUNDS; round++) {
      for (const [name, trip] of Object.entries(variants)) {
        // Each round starts after a checkpoint, as a hub's steady state has one every few minutes.
        await admin.query('checkpoint');
        const cpu0 = postgresCpuMs();
        const t0 = performance.now();
        await Promise.all(
          clients.map(async (c) => {
            for (let i = 0; i < TRIPS; i++) await c.query(trip());
          }),
        );
        const wall = (performance.now() - t0) / TRIPS;
        const cpu = (postgresCpuMs() - cpu0) / (TRIPS * CONNECTIONS);
        const f = figures.get(name) ?? { cpu: [], wall: [] };
        f.cpu.push(cpu);
        f.wall.push(wall);
        figures.set(name, f);
      }
    }
    await Promise.all(clients.map((c) => c.end()));
    const base = median(figures.get('reads only')!.cpu);
    console.log(`${CONNECTIONS} connections × ${TRIPS} trips, ${ROUNDS} rounds, audit_record prefilled with ${PREFILLED} rows; medians`);
    console.log('variant'.padEnd(40), 'PostgreSQL CPU ms/trip', ' over reads', '  wall ms/trip');
    for (const [name, { cpu, wall }] of figures)
      console.log(
        name.padEnd(40),
        median(cpu).toFixed(3).padStart(22),
        (median(cpu) - base).toFixed(3).padStart(11),
        median(wall).toFixed(3).padStart(14),
      );
  } finally {
    await admin.end();
    await server.stop();
  }
}

void main();
