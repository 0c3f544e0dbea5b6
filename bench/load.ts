/**
 * A closed-loop load generator: `concurrency` workers each send their next request as soon as the previous one
 * answered, for a fixed number of requests (bounded, stops by itself, loopback only).
 */
export interface LoadResult {
  requests: number;
  seconds: number;
  rps: number;
  p50: number;
  p99: number;
  failures: number;
  /** Every request's latency in ms, ascending. */
  latencies: number[];
}

export async function runLoad(requests: number, concurrency: number, send: (n: number) => Promise<boolean>): Promise<LoadResult> {
  const latencies: number[] = [];
  let next = 0;
  let failures = 0;
  const started = performance.now();
  await Promise.all(
    Array.from({ length: concurrency }, async () => {
      while (next < requests) {
        const n = next++;
        const t = performance.now();
        const ok = await send(n).catch(() => false);
        latencies.push(performance.now() - t);
        if (!ok) failures++;
      }
    }),
  );
  const seconds = (performance.now() - started) / 1000;
  latencies.sort((a, b) => a - b);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return { requests, seconds, rps: requests / seconds, p50: at(0.5), p99: at(0.99), failures, latencies };
}

/** Several runs of the same load taken as one: throughput over their summed time, percentiles over all their requests. */
export function combine(results: LoadResult[]): LoadResult {
  const latencies = results.flatMap((r) => r.latencies).sort((a, b) => a - b);
  const requests = results.reduce((n, r) => n + r.requests, 0);
  const seconds = results.reduce((n, r) => n + r.seconds, 0);
  const at = (q: number) => latencies[Math.min(latencies.length - 1, Math.floor(q * latencies.length))];
  return {
    requests,
    seconds,
    rps: requests / seconds,
    p50: at(0.5),
    p99: at(0.99),
    failures: results.reduce((n, r) => n + r.failures, 0),
    latencies,
  };
}

export function table(rows: Record<string, string | number>[]): string {
  const keys = Object.keys(rows[0]);
  const widths = keys.map((k) => Math.max(k.length, ...rows.map((r) => String(r[k]).length)));
  const line = (values: string[]) => values.map((v, i) => v.padEnd(widths[i])).join('  ');
  return [line(keys), line(widths.map((w) => '-'.repeat(w))), ...rows.map((r) => line(keys.map((k) => String(r[k]))))].join('\n');
}
