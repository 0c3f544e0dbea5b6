import fs from 'node:fs';
import http from 'node:http';
import type { AddressInfo } from 'node:net';
import os from 'node:os';
import path from 'node:path';
import { decodeJwt } from 'jose';
import { consoleRoutes, type ConsoleOptions } from '../../gateway/console';
import { generateDevKeys } from '../../gateway/dev-keys';
import { DEMO_ORGANIZATIONS } from '../../subgraphs/kit/demo/organizations';

/** How the gateway serves the console (gateway/console.ts), on a small dist of its own: no hub, no browser. */
const dist = fs.mkdtempSync(path.join(os.tmpdir(), 'console-dist-'));
fs.mkdirSync(path.join(dist, 'assets'));
fs.writeFileSync(path.join(dist, 'index.html'), '<!doctype html><title>console</title>');
fs.writeFileSync(path.join(dist, 'assets', 'index-abc.js'), 'console.log(1)');
afterAll(() => fs.rmSync(dist, { recursive: true, force: true }));

async function serve(options: ConsoleOptions) {
  const routes = consoleRoutes({ ...options, dist });
  const server = http.createServer((req, res) => {
    if (!routes(req, res)) {
      res.writeHead(404);
      res.end();
    }
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  return { base, close: () => new Promise<void>((resolve) => server.close(() => resolve())) };
}

test('any path under /app/ answers the application, assets by their names, and a missing asset is 404', async () => {
  const { base, close } = await serve({});
  try {
    const page = await fetch(`${base}/app/families/Family:1`);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain('<title>console</title>');
    const asset = await fetch(`${base}/app/assets/index-abc.js`);
    expect(asset.headers.get('content-type')).toContain('text/javascript');
    expect(asset.headers.get('cache-control')).toContain('immutable');
    // fetch asks for gzip and inflates: what arrives is the file as built.
    expect(asset.headers.get('content-encoding')).toBe('gzip');
    expect(await asset.text()).toBe('console.log(1)');
    expect((await fetch(`${base}/app/assets/gone.js`)).status).toBe(404);
    expect((await fetch(`${base}/app/../package.json`)).status).not.toBe(200);
    expect((await fetch(`${base}/other`)).status).toBe(404);
  } finally {
    await close();
  }
});

test('the demo sign-in exists only when the gateway is given the development key, and mints only the listed identities', async () => {
  const production = await serve({ devTokenKey: null });
  try {
    expect(await (await fetch(`${production.base}/app/config.json`)).json()).toMatchObject({ devSignIn: false });
    const refused = await fetch(`${production.base}/app/dev-token`, { method: 'POST', body: JSON.stringify({ signIn: 'analyst' }) });
    expect(refused.status).toBe(404);
  } finally {
    await production.close();
  }
  const keys = await generateDevKeys();
  const development = await serve({ devTokenKey: keys.privateJwk });
  try {
    const config = (await (await fetch(`${development.base}/app/config.json`)).json()) as Record<string, unknown>;
    expect(config).toMatchObject({ devSignIn: true, timeZone: 'Asia/Irkutsk' });
    const answer = await fetch(`${development.base}/app/dev-token`, {
      method: 'POST',
      body: JSON.stringify({ signIn: 'coordinator-irkutsk' }),
    });
    const claims = decodeJwt(((await answer.json()) as { token: string }).token);
    expect(claims).toMatchObject({ role: 'COORDINATOR', org: DEMO_ORGANIZATIONS.irkutskOperator.id });
    const unknown = await fetch(`${development.base}/app/dev-token`, { method: 'POST', body: JSON.stringify({ signIn: 'root' }) });
    expect(unknown.status).toBe(400);
  } finally {
    await development.close();
  }
});
