/**
 * `npm run bench:web [-- --runs 7]`: what the console costs its user (issue 17 §Speed).
 * (1) The JavaScript shipped for the first screen (the entry module and the modules it preloads, as console/dist/index.html
 *     names them), gzipped at level 9 as a server would send it; the lazily loaded screens are listed apart.
 * (2) The time from navigation to an interactive family route (timeline rendered and the graph drawn by Cytoscape)
 *     on the demo data, in Debian's headless Chromium against a real hub; the first run has a cold cache.
 * Figures, not pass/fail: printed and written to their section of bench/RESULTS.md.
 */
import 'reflect-metadata';
import fs from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import zlib from 'node:zlib';
import { CONSOLE_DIST } from '../gateway/console';
import { DEMO_FAMILIES } from '../subgraphs/kit/demo/people';
import { DEMO_ORGANIZATIONS } from '../subgraphs/kit/demo/organizations';
import { globalId } from '../subgraphs/kit/platform/global-id';
import { ensureConsoleBuilt, launchBrowser } from '../tests/console/browser';
import { startEmbeddedPostgres, type PostgresServer } from './lib/postgres-server';

const BEGIN = '<!-- npm run bench:web: begin -->';
const END = '<!-- npm run bench:web: end -->';

function option(name: string, fallback: number): number {
  const i = process.argv.indexOf(`--${name}`);
  return i > 0 ? Number(process.argv[i + 1]) : fallback;
}

const gzipped = (file: string) => zlib.gzipSync(fs.readFileSync(file), { level: 9 }).length;
const kb = (bytes: number) => (bytes / 1024).toFixed(1);

function shippedSizes() {
  const html = fs.readFileSync(path.join(CONSOLE_DIST, 'index.html'), 'utf8');
  const firstScreen = [...html.matchAll(/(?:src|href)="\/app\/(assets\/[^"]+\.(?:js|css))"/g)].map((m) => m[1]);
  const all = fs.readdirSync(path.join(CONSOLE_DIST, 'assets')).map((f) => `assets/${f}`);
  const size = (files: string[]) => files.reduce((sum, f) => sum + gzipped(path.join(CONSOLE_DIST, f)), 0);
  const js = firstScreen.filter((f) => f.endsWith('.js'));
  return {
    firstScreenJs: size(js),
    firstScreenCss: size(firstScreen.filter((f) => f.endsWith('.css'))),
    firstScreenFiles: js,
    lazy: all.filter((f) => !firstScreen.includes(f) && f.endsWith('.js')).map((f) => ({ file: f, gz: size([f]) })),
  };
}

function median(values: number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  return sorted[Math.floor(sorted.length / 2)];
}

async function main() {
  const runs = option('runs', 7);
  ensureConsoleBuilt();
  const sizes = shippedSizes();

  let postgres: PostgresServer | null = null;
  if (!process.env.HUB_TEST_POSTGRES_URL) {
    const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'hub-bench-web-'));
    fs.chmodSync(dir, 0o777);
    postgres = await startEmbeddedPostgres({ dataDir: path.join(dir, 'data'), persistent: false });
    process.env.HUB_TEST_POSTGRES_URL = postgres.baseUrl;
  }
  // Loaded after the database is known: the test hub reads HUB_TEST_POSTGRES_URL.
  const { startTestHub } = await import('../tests/support/hub');
  const hub = await startTestHub();
  const browser = await launchBrowser();
  const timings: number[] = [];
  const routeRequests: number[] = [];
  try {
    const base = hub.gatewayUrl.replace(/\/graphql$/, '');
    const token = await hub.token({
      role: 'COORDINATOR',
      organizationId: DEMO_ORGANIZATIONS.irkutskOperator.id,
      territoryOktmo: DEMO_ORGANIZATIONS.irkutskOperator.oktmo,
    });
    const page = await browser.context.newPage();
    await page.goto(`${base}/app/config.json`);
    await page.evaluate((t) => sessionStorage.setItem('hub.token', t), token);
    const url = `${base}/app/families/${encodeURIComponent(globalId('Family', DEMO_FAMILIES.ivanov))}`;
    for (let i = 0; i < runs; i++) {
      await page.goto(url);
      await page.waitForFunction(
        () => window.routeGraph !== undefined && document.querySelectorAll('[data-testid="step"]').length > 0,
        undefined,
        { polling: 'raf', timeout: 30_000 },
      );
      timings.push(await page.evaluate(() => Math.round(performance.now())));
      routeRequests.push(
        await page.evaluate(() =>
          Math.round(
            Math.max(
              0,
              ...performance
                .getEntriesByType('resource')
                .filter((e) => e.name.endsWith('/graphql'))
                .map((e) => e.duration),
            ),
          ),
        ),
      );
    }
  } finally {
    await browser.close();
    await hub.stop();
    await postgres?.stop();
  }
  const warm = timings.slice(1);
  const lines = [
    `## Issue 17: the console (npm run bench:web), ${new Date().toISOString().slice(0, 10)}`,
    '',
    `- Machine: ${os.cpus().length} × ${os.cpus()[0]?.model.trim()}, Node ${process.version}, shared with other engineers' runs.`,
    `- First screen (sign-in): JavaScript **${kb(sizes.firstScreenJs)} KiB gzipped** (${sizes.firstScreenFiles.join(', ')}), CSS ${kb(sizes.firstScreenCss)} KiB gzipped; budget 300 KB.`,
    `- Loaded later, per screen: ${sizes.lazy.map((l) => `${l.file.replace(/^assets\//, '').replace(/-[\w-]{8}\.js$/, '')} ${kb(l.gz)} KiB`).join(', ')}.`,
    `- Family route of the Ivanov family interactive (timeline rendered and the graph drawn), from navigation, headless Chromium, demo data, ${runs} loads: first (cold cache) **${timings[0]} ms**, then median **${median(warm)} ms** (${warm.join(', ')} ms); budget 1 s. Of that, the route's GraphQL request (the federated route of five agencies with the members' consents) took median ${median(routeRequests.slice(1))} ms.`,
  ];
  const section = lines.join('\n');
  process.stdout.write(section + '\n');
  const file = path.join(__dirname, '..', 'bench', 'RESULTS.md');
  const text = fs.readFileSync(file, 'utf8');
  const block = `${BEGIN}\n${section}\n${END}`;
  const at = text.indexOf(BEGIN);
  const next = at >= 0 ? text.slice(0, at) + block + text.slice(text.indexOf(END) + END.length) : `${text.trimEnd()}\n\n${block}\n`;
  fs.writeFileSync(file, next);
}

main().catch((error) => {
  console.error(error);
  process.exit(1);
});
