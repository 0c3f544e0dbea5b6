import { createHash } from 'node:crypto';
import { runLoad } from './load';
import { post, startBenchDatabases, startBenchHub } from './stack';
import { OPERATORS } from '../scripts/lib/synthetic/common';
const md5uuid = (text: string) => { const h = createHash('md5').update(text).digest('hex'); return `${h.slice(0, 8)}-${h.slice(8, 12)}-${h.slice(12, 16)}-${h.slice(16, 20)}-${h.slice(20)}`; };
const ROUTE = `query FamilyRoute($id: ID!) { family(id: $id) { displayName route {
  steps { id agency kind title status startDate dueDate organizationId executorAgency }
  alerts { code severity personId } gaps { agency code } graph { nodes { id kind label } edges { from to kind } } } } }`;
async function main() {
  const families = 3000; const requests = Number(process.argv[2] ?? 300);
  const db = await startBenchDatabases(families);
  const sample = Array.from({ length: 400 }, (_, n) => 1 + ((n * 7919) % families)).filter((i) => ![7, 13, 19].includes(i % 20));
  const hub = await startBenchHub(db.urls, { auditReads: true });
  const send = async (n: number) => { const i = sample[n % sample.length]; const r = await post(hub.gatewayUrl, await hub.token(OPERATORS[i % OPERATORS.length].id), ROUTE, { id: md5uuid(`family-${i}`) }); if (r.errors) console.log(JSON.stringify(r.errors).slice(0,300)); return !r.errors; };
  await runLoad(40, 8, send);
  const b = await hub.sqlStatements();
  const cpu = () => { const out: Record<string, number> = {}; for (const pid of require('node:fs').readdirSync('/proc').filter((d: string) => /^\d+$/.test(d))) { try { const stat = require('node:fs').readFileSync(`/proc/${pid}/stat`, 'utf8'); const cmd = require('node:fs').readFileSync(`/proc/${pid}/cmdline`, 'utf8').replace(/\0/g, ' '); const f = stat.slice(stat.lastIndexOf(')') + 2).split(' '); const t = (Number(f[11]) + Number(f[12])) * 10; const key = cmd.includes('postgres') ? 'postgres' : (cmd.match(/subgraphs\/([a-z-]+)/)?.[1] ?? (Number(pid) === process.pid ? 'gateway+load' : 'other')); out[key] = (out[key] ?? 0) + t; } catch {} } return out; };
  const c0 = cpu();
  const r = await runLoad(requests, 8, send);
  const c1 = cpu();
  for (const k of Object.keys(c1)) console.log(k.padEnd(20), ((c1[k] - (c0[k] ?? 0)) / requests).toFixed(2), 'ms CPU/request');
  console.log(r, ((await hub.sqlStatements()) - b) / requests);
  await hub.stop(); await db.stop();
}
main();
