/**
 * `node -r @swc-node/register bench/route-cpu.ts [requests] [families]`: where the family route's CPU goes.
 * Starts the bench hub on a small generated region, sends route requests, and prints the CPU time each process
 * (gateway with the load generator, each subgraph, PostgreSQL) spent per request, read from /proc. This is how
 * the optimizations in bench/README.md were measured; with HUB_BENCH_PROFILE_DIR set, every subgraph also
 * writes a .cpuprofile. Linux only.
 *
 * `HUB_BENCH_WORKLOAD=map-territory` or `map-region` measures the resource map instead (as an analyst, one territory
 * at concurrency 8 or the whole region at concurrency 2), so the CPU budget of the map can be compared the same way.
 */
// Loaded before anything that imports type-graphql's decorated classes (agencies, conventions), whatever the import order below.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import { Client } from 'pg';
import { OPERATORS } from '../scripts/lib/synthetic/common';
import { globalId } from '../subgraphs/kit/platform/global-id';
import { runLoad } from './load';
import { post, startBenchDatabases, startBenchHub } from './stack';

const ROUTE = `query FamilyRoute($id: ID!) { family(id: $id) { displayName route {
  steps { id agency kind title status period { startsOn } dueOn organizationId executorAgency }
  alerts { code severity personId } gaps { agency code } graph { nodes { id kind label } edges { from to kind } } } } }`;

/** The uuid the generator gives family n; the API names it by its global id (`Family:<uuid>`). */
const familyId = (n: number) => {
  const h = createHash('md5').update(`family-${n}`).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

/**
 * CPU milliseconds used so far, per process kind (a subgraph by its folder name, the assembly, PostgreSQL, this
 * process). Only this process and its descendants count: other engineers' test hubs and databases on the same
 * machine run processes with the same names.
 */
function cpuByProcess(): Map<string, number> {
  const totals = new Map<string, number>();
  const ticks = 1000 / 100; // USER_HZ is 100 on Linux
  const processes = new Map<number, { parent: number; command: string; ms: number }>();
  for (const pid of fs.readdirSync('/proc').filter((d) => /^\d+$/.test(d))) {
    try {
      const stat = fs.readFileSync(`/proc/${pid}/stat`, 'utf8');
      const command = fs.readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' ');
      const fields = stat.slice(stat.lastIndexOf(')') + 2).split(' ');
      // PostgreSQL's parallel workers (and backends that closed) exit within the run: their CPU is only in the
      // postmaster's count of its finished children (cutime, cstime). Node processes' children are counted live.
      const finishedChildren = command.includes('postgres') ? Number(fields[13]) + Number(fields[14]) : 0;
      processes.set(Number(pid), {
        parent: Number(fields[1]),
        command,
        ms: (Number(fields[11]) + Number(fields[12]) + finishedChildren) * ticks,
      });
    } catch {
      // the process ended while being read
    }
  }
  const ours = (pid: number): boolean => {
    for (let p = pid, hops = 0; p > 1 && hops < 10; p = processes.get(p)?.parent ?? 0, hops++) if (p === process.pid) return true;
    return false;
  };
  for (const [pid, { command, ms }] of processes) {
    if (!ours(pid)) continue;
    const kind = command.includes('postgres')
      ? 'postgres'
      : pid === process.pid
        ? 'gateway + load generator'
        : (command.match(/subgraphs\/([a-z-]+)\//)?.[1] ?? command.match(/bench\/(assembly)-service/)?.[1]);
    if (kind) totals.set(kind, (totals.get(kind) ?? 0) + ms);
  }
  return totals;
}

const MAP_FIELDS = `resourceMap { supply { agency serviceKind capacityTotal capacityAvailable queueLength } demand { byServiceKind { kind value } } coverage { serviceKind demand providers gap } }`;

/** The resource-map request of `npm run bench` (scripts/bench.ts): the whole region, or one territory. */
async function mapRequest(hub: Awaited<ReturnType<typeof startBenchHub>>, workload: string): Promise<(n: number) => Promise<boolean>> {
  if (workload !== 'map-region' && workload !== 'map-territory')
    throw new Error(`HUB_BENCH_WORKLOAD ${workload}: route, map-territory or map-region`);
  const token = await hub.token(null, 'ANALYST');
  const query =
    workload === 'map-region' ? `{ territories { oktmo ${MAP_FIELDS} } }` : `{ territory(oktmo: "25701000") { oktmo ${MAP_FIELDS} } }`;
  return async () => !(await post(hub.gatewayUrl, token, query, {})).errors;
}

/**
 * CPU ms the whole machine spent (all processes and the kernel's own threads, from /proc/stat): what the processes'
 * own counts miss, such as the file system's journal and the disk's interrupts behind each durable commit.
 */
function machineCpuMs(): number {
  const ticks = fs.readFileSync('/proc/stat', 'utf8').split('\n')[0].trim().split(/\s+/).slice(1).map(Number);
  const [user, nice, system, , , irq, softirq, steal] = ticks;
  return (user + nice + system + irq + softirq + steal) * 10;
}

/**
 * The server's WAL counters (pg_stat_wal, one for all databases): what the durable commits of the audit wrote and how
 * often the server waited for the disk. The statistics are published about once a second, hence the wait.
 */
async function walActivity(urls: Record<string, string>): Promise<{ records: number; bytes: number; fullPages: number; syncs: number }> {
  await new Promise((r) => setTimeout(r, 1500));
  const client = new Client({ connectionString: Object.values(urls)[0] });
  await client.connect();
  try {
    const { rows } = await client.query('select wal_records, wal_bytes, wal_fpi, wal_sync from pg_stat_wal');
    return {
      records: Number(rows[0].wal_records),
      bytes: Number(rows[0].wal_bytes),
      fullPages: Number(rows[0].wal_fpi),
      syncs: Number(rows[0].wal_sync),
    };
  } finally {
    await client.end();
  }
}

async function main() {
  const requests = Number(process.argv[2] ?? 400);
  const families = Number(process.argv[3] ?? 3000);
  const db = await startBenchDatabases(families);
  // HUB_BENCH_AUDIT=off: the same without the read audit, to see which process pays for it.
  const hub = await startBenchHub(db.urls, { auditReads: process.env.HUB_BENCH_AUDIT !== 'off' });
  // Families whose person consented to exchange (the generator leaves 3 in 20 without consent).
  const sample = Array.from({ length: 400 }, (_, n) => 1 + ((n * 7919) % families)).filter((i) => ![7, 13, 19].includes(i % 20));
  let firstError = '';
  const send = async (n: number) => {
    const i = sample[n % sample.length];
    const result = await post(hub.gatewayUrl, await hub.token(OPERATORS[i % OPERATORS.length].id), ROUTE, {
      id: globalId('Family', familyId(i)),
    });
    // A request counts only if the route came back: a gateway that cannot reach a subgraph answers errors or a null route.
    if (result.errors || !result.data?.family?.route) firstError ||= JSON.stringify(result.errors ?? result.data).slice(0, 300);
    return !result.errors && Boolean(result.data?.family?.route);
  };
  const workload = process.env.HUB_BENCH_WORKLOAD ?? 'route';
  const concurrency = workload === 'map-region' ? 2 : 8;
  const work = workload === 'route' ? send : await mapRequest(hub, workload);
  await runLoad(workload === 'map-region' ? 4 : 40, concurrency, work);
  const [sqlBefore, tripsBefore, walBefore] = [await hub.sqlStatements(), await hub.sqlRoundTrips(), await walActivity(db.urls)];
  const [cpuBefore, machineBefore] = [cpuByProcess(), machineCpuMs()];
  const load = await runLoad(requests, concurrency, work);
  const [cpuAfter, machineAfter] = [cpuByProcess(), machineCpuMs()];
  const walAfter = await walActivity(db.urls);
  const sql = ((await hub.sqlStatements()) - sqlBefore) / requests;
  const trips = ((await hub.sqlRoundTrips()) - tripsBefore) / requests;
  let total = 0;
  for (const [kind, ms] of cpuAfter) {
    const perRequest = (ms - (cpuBefore.get(kind) ?? 0)) / requests;
    total += perRequest;
    process.stdout.write(`${kind.padEnd(26)} ${perRequest.toFixed(2).padStart(6)} ms CPU/request\n`);
  }
  process.stdout.write(`${'total'.padEnd(26)} ${total.toFixed(2).padStart(6)} ms CPU/request\n`);
  // Counts anything else running on the machine too: compare it with the total only on a quiet machine.
  process.stdout.write(
    `${'machine (/proc/stat)'.padEnd(26)} ${((machineAfter - machineBefore) / requests).toFixed(2).padStart(6)} ms CPU/request\n`,
  );
  process.stdout.write(
    `${load.rps.toFixed(1)} req/s, p50 ${load.p50.toFixed(1)} ms, ${sql.toFixed(1)} SQL and ${trips.toFixed(1)} round trips per request, ${load.failures} failures\n`,
  );
  process.stdout.write(
    `WAL: ${((walAfter.records - walBefore.records) / requests).toFixed(1)} records, ${((walAfter.bytes - walBefore.bytes) / requests / 1024).toFixed(1)} KiB ` +
      `(${((walAfter.fullPages - walBefore.fullPages) / requests).toFixed(2)} full pages) and ${((walAfter.syncs - walBefore.syncs) / requests).toFixed(2)} flushes to disk per request\n`,
  );
  if (firstError) process.stdout.write(`first failure: ${firstError}\n`);
  await hub.stop();
  await db.stop();
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
