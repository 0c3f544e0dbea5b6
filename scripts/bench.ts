/**
 * `npm run bench [-- --families 20000 --requests 300 --concurrency 8 --runs 3]`: starts the real hub on a generated region
 * and measures (1) the family route, against a hand-written-SQL baseline in one process (both over HTTP from the
 * same client); (2) what the audit trail
 * costs; (3) the resource map for the region and for one territory, against one aggregate SQL per database.
 * Figures, not pass/fail: the results are printed and written to their section of bench/RESULTS.md.
 */
// Loaded before anything that imports type-graphql's decorated classes (agencies, conventions), whatever the import order below.
import 'reflect-metadata';
import { createHash } from 'node:crypto';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { Baseline } from '../bench/baseline';
import { combine, runLoad, table, type LoadResult } from '../bench/load';
import { post, postJson, startBenchDatabases, startBenchHub, type BenchAnswer, type BenchHub } from '../bench/stack';
import { OPERATORS } from './lib/synthetic/common';
import { globalId } from '../subgraphs/kit/platform/global-id';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const md5uuid = (text: string) => {
  const h = createHash('md5').update(text).digest('hex');
  return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`;
};

const ROUTE = `query FamilyRoute($id: ID!) { family(id: $id) { displayName route {
  steps { id agency kind title status period { startsOn } dueOn organizationId executorAgency }
  alerts { code severity personId } gaps { agency code } graph { nodes { id kind label } edges { from to kind } } } } }`;
const MAP_FIELDS = `resourceMap { supply { agency serviceKind capacityTotal capacityAvailable queueLength } demand { byServiceKind { kind value } } coverage { serviceKind demand providers gap } }`;

const BEGIN = '<!-- npm run bench: begin -->';
const END = '<!-- npm run bench: end -->';

/** Replaces this script's section of RESULTS.md (between the markers), keeping what else is recorded there (A/B runs). */
function writeResults(file: string, section: string): void {
  const block = `${BEGIN}\n${section}\n${END}`;
  const old = fs.existsSync(file) ? fs.readFileSync(file, 'utf8') : '# Benchmark results\n';
  const [start, end] = [old.indexOf(BEGIN), old.indexOf(END)];
  fs.writeFileSync(
    file,
    start >= 0 && end > start
      ? old.slice(0, start) + block + old.slice(end + END.length)
      : `${old.trimEnd()}\n\n## npm run bench\n\n${block}\n`,
  );
}

async function main() {
  if (process.argv.includes('--help')) {
    // Without this, --help ran the whole bench on the default 20 000 families.
    process.stdout.write(
      'npm run bench -- [--families 20000] [--requests 300] [--concurrency 8] [--runs 1]\n' +
        '--runs N measures everything N times on the same data set and reports the median of each ratio.\n' +
        'HUB_BENCH_ASSEMBLY=in-process runs the assembly subgraph in the gateway process (default: its own process).\n' +
        'CPU per process: node -r @swc-node/register bench/route-cpu.ts [requests] [families]; A/B: bench/ab.sh (bench/README.md).\n',
    );
    return;
  }
  const families = option('families', 20000);
  const requests = option('requests', 300);
  const concurrency = option('concurrency', 8);
  const runs = option('runs', 1);
  const db = await startBenchDatabases(families);
  const results: RunResult[] = [];
  for (let run = 1; run <= runs; run++) {
    results.push(await measure(db.urls, families, requests, concurrency));
    process.stdout.write(
      `\nrun ${run} of ${runs}\n${table(results[run - 1].rows)}\n${results[run - 1].ratios.map((r) => r.text).join('\n')}\n`,
    );
  }
  await db.stop();

  const machine = `${os.cpus().length} × ${os.cpus()[0]?.model ?? 'cpu'}, ${(os.totalmem() / 2 ** 30).toFixed(0)} GiB, Node ${process.version}, ${new Date().toISOString().slice(0, 10)}`;
  const median = (values: number[]) => {
    const sorted = [...values].sort((a, b) => a - b);
    return sorted.length % 2 ? sorted[(sorted.length - 1) / 2] : (sorted[sorted.length / 2 - 1] + sorted[sorted.length / 2]) / 2;
  };
  const summary =
    runs > 1
      ? [
          '',
          `median of ${runs} runs:`,
          ...results[0].ratios.map(
            (r, i) =>
              `  ${r.name}: ${r.format(median(results.map((x) => x.ratios[i].value)))} (runs: ${results.map((x) => r.format(x.ratios[i].value)).join(', ')}) ${r.goal}`,
          ),
        ]
      : [];
  const report = [
    `families: ${families}, machine: ${machine}`,
    ...results.flatMap((r, i) => ['', ...(runs > 1 ? [`run ${i + 1}`] : []), table(r.rows), '', ...r.ratios.map((x) => x.text)]),
    ...summary,
  ].join('\n');
  process.stdout.write(`\n${report}\n`);
  writeResults(path.join(__dirname, '..', 'bench', 'RESULTS.md'), `\`\`\`\n${report}\n\`\`\``);
}

interface Ratio {
  name: string;
  value: number;
  format(value: number): string;
  goal: string;
  text: string;
}

interface RunResult {
  rows: Record<string, string | number>[];
  ratios: Ratio[];
}

/** One complete measurement on the generated region: the hub with and without audit, the floor, the maps, the baseline. */
async function measure(urls: Record<string, string>, families: number, requests: number, concurrency: number): Promise<RunResult> {
  // Families whose person consented to exchange (the generator leaves 3 in 20 without consent).
  const sample = Array.from({ length: 400 }, (_, n) => 1 + ((n * 7919) % families)).filter((i) => ![7, 13, 19].includes(i % 20));
  const familyOf = (n: number) => sample[n % sample.length];
  const rows: Record<string, string | number>[] = [];
  const record = (name: string, r: LoadResult, sqlPerRequest: number, c = concurrency, roundTrips = sqlPerRequest) =>
    rows.push({
      run: name,
      requests: r.requests,
      concurrency: c,
      'req/s': r.rps.toFixed(1),
      'p50 ms': r.p50.toFixed(1),
      'p99 ms': r.p99.toFixed(1),
      'SQL/req': sqlPerRequest.toFixed(1),
      'DB trips/req': roundTrips.toFixed(1),
      failures: r.failures,
    });

  const routeSender = (hub: BenchHub) => async (n: number) => {
    const i = familyOf(n);
    const result = await post(hub.gatewayUrl, await hub.token(OPERATORS[i % OPERATORS.length].id), ROUTE, {
      id: globalId('Family', md5uuid(`family-${i}`)),
    });
    return !result.errors && Boolean(result.data?.family?.route);
  };

  /**
   * The route with the audit trail and without it, on two hubs started side by side over the same databases and
   * measured in alternating blocks: the machine's speed drifts during a run (±30 %), and measured one after the
   * other the two sides differed by that drift more than by the audit (issue 19).
   */
  const routeLoads = async (audited: BenchHub, unaudited: BenchHub, blocks = 6) => {
    const sides = [audited, unaudited].map((hub) => ({ hub, send: routeSender(hub), results: [] as LoadResult[], sql: 0, trips: 0 }));
    for (const side of sides) await runLoad(40, concurrency, side.send);
    for (const side of sides) [side.sql, side.trips] = [-(await side.hub.sqlStatements()), -(await side.hub.sqlRoundTrips())];
    for (let block = 0; block < blocks; block++)
      for (const side of sides) side.results.push(await runLoad(Math.ceil(requests / blocks), concurrency, side.send));
    return Promise.all(
      sides.map(async (side) => {
        const r = combine(side.results);
        return {
          r,
          sql: (side.sql + (await side.hub.sqlStatements())) / r.requests,
          trips: (side.trips + (await side.hub.sqlRoundTrips())) / r.requests,
        };
      }),
    );
  };

  /**
   * The floor of the architecture itself: what the gateway costs with no subgraph behind it, and what one
   * gateway → subgraph fetch with one indexed lookup costs. A route needs six such fetches (social protection,
   * then the four agencies in parallel, then the assembly subgraph with their parts: the plan since issue 14), so
   * these two figures bound the route's throughput whatever the resolvers do.
   */
  const floorLoad = async (hub: BenchHub) => {
    const token = await hub.token(OPERATORS[0].id);
    const gatewayOnly = async () => !(await post(hub.gatewayUrl, token, '{ __typename }', {})).errors;
    const oneFetch = async () =>
      !(
        await post(hub.gatewayUrl, token, 'query($id: ID!) { family(id: $id) { id } }', {
          id: globalId('Family', '00000000-0000-4000-8000-000000000000'),
        })
      ).errors;
    await runLoad(100, concurrency, gatewayOnly);
    const gateway = await runLoad(requests * 2, concurrency, gatewayOnly);
    await runLoad(100, concurrency, oneFetch);
    const fetch = await runLoad(requests * 2, concurrency, oneFetch);
    return { gateway, fetch };
  };

  const hub = await startBenchHub(urls, { auditReads: true });
  const hubWithoutAudit = await startBenchHub(urls, { auditReads: false });
  const [audited, unaudited] = await routeLoads(hub, hubWithoutAudit);
  await hubWithoutAudit.stop();
  record('route: hub', audited.r, audited.sql, concurrency, audited.trips);
  record('route: hub, audit off', unaudited.r, unaudited.sql, concurrency, unaudited.trips);
  const floor = await floorLoad(hub);
  const mapResults: { name: string; r: LoadResult; sql: number }[] = [];
  for (const [name, query, count] of [
    ['map: region (42 territories)', `{ territories { oktmo ${MAP_FIELDS} } }`, Math.max(20, Math.round(requests / 10))],
    ['map: one territory', `{ territory(oktmo: "25701000") { oktmo ${MAP_FIELDS} } }`, requests],
  ] as const) {
    const token = await hub.token(null, 'ANALYST');
    const send = async () => !(await post(hub.gatewayUrl, token, query, {})).errors;
    await runLoad(5, 2, send);
    const before = await hub.sqlStatements();
    const r = await runLoad(count, name.includes('region') ? 2 : concurrency, send);
    mapResults.push({ name, r, sql: ((await hub.sqlStatements()) - before) / count });
  }
  await hub.stop();

  const baseline = new Baseline(urls);
  const baselineUrl = await baseline.listen();
  const baselineRoute = async (n: number) =>
    Boolean((await postJson<BenchAnswer>(`${baselineUrl}/route`, { familyId: md5uuid(`family-${familyOf(n)}`) })).data?.family?.route);
  await runLoad(40, concurrency, baselineRoute);
  baseline.statements = 0;
  const base = await runLoad(requests, concurrency, baselineRoute);
  record('route: baseline SQL', base, baseline.statements / requests);
  const baseMap: LoadResult[] = [];
  for (const [oktmo, count, c] of [
    [null, Math.max(20, Math.round(requests / 10)), 2],
    ['25701000', requests, concurrency],
  ] as const) {
    const send = async () => Boolean((await postJson<{ sp?: unknown }>(`${baselineUrl}/map`, { oktmo })).sp);
    await runLoad(5, 2, send);
    baseMap.push(await runLoad(count, c, send));
  }
  await baseline.close();
  record('floor: gateway alone ({ __typename })', floor.gateway, 0);
  record('floor: gateway + 1 subgraph fetch', floor.fetch, 1);
  for (const m of mapResults) record(m.name, m.r, m.sql, m.name.includes('region') ? 2 : concurrency);
  record('map: region, baseline SQL', baseMap[0], 5, 2);
  record('map: one territory, baseline SQL', baseMap[1], 5);

  // CPU per request ∝ 1 / throughput while the two cores are saturated; a route = the gateway + six fetches.
  const fetchCost = 1 / floor.fetch.rps - 1 / floor.gateway.rps;
  const routeFloorRps = 1 / (1 / floor.gateway.rps + 6 * fetchCost);
  const ratio = (name: string, value: number, format: (v: number) => string, goal: string, text: string): Ratio => ({
    name,
    value,
    format,
    goal,
    text,
  });
  const fixed2 = (v: number) => v.toFixed(2);
  const percent = (v: number) => `${v.toFixed(1)} %`;
  const throughput = audited.r.rps / base.rps;
  const audit = ((audited.r.p50 - unaudited.r.p50) / unaudited.r.p50) * 100;
  const [region, territory] = [mapResults[0].r.p50 / baseMap[0].p50, mapResults[1].r.p50 / baseMap[1].p50];
  return {
    rows,
    ratios: [
      ratio(
        'route throughput hub ÷ baseline',
        throughput,
        fixed2,
        '(goal ≥ 0.5)',
        `route throughput hub ÷ baseline: ${fixed2(throughput)} (goal ≥ 0.5)`,
      ),
      ratio(
        'floor ÷ baseline',
        routeFloorRps / base.rps,
        fixed2,
        '',
        `floor of gateway + 6 subgraph fetches, resolvers doing nothing: ${routeFloorRps.toFixed(0)} req/s = ${fixed2(routeFloorRps / base.rps)} × baseline`,
      ),
      ratio(
        'audit trail cost on route p50',
        audit,
        percent,
        '(goal < 10 %)',
        `audit trail cost on route p50: ${percent(audit)} (goal < 10 %)`,
      ),
      ratio(
        'map latency hub ÷ baseline, region',
        region,
        fixed2,
        '(goal ≤ 1.3)',
        `map latency hub ÷ baseline, region: ${fixed2(region)} (goal ≤ 1.3)`,
      ),
      ratio(
        'map latency hub ÷ baseline, one territory',
        territory,
        fixed2,
        '(goal ≤ 1.3)',
        `map latency hub ÷ baseline, one territory: ${fixed2(territory)} (goal ≤ 1.3)`,
      ),
    ],
  };
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
