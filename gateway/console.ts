import fs from 'node:fs';
import type http from 'node:http';
import path from 'node:path';
import zlib from 'node:zlib';
import type { JWK } from 'jose';
import { mintToken, type TokenClaims } from './dev-keys';
import { DEMO_ORGANIZATIONS as ORG } from '../subgraphs/kit/demo/organizations';
import { regionTimeZone, today } from '../subgraphs/kit/platform/clock';

/** Where `vite build` puts the console (console/vite.config.ts). */
export const CONSOLE_DIST = path.join(__dirname, '..', 'console', 'dist');
const PREFIX = '/app/';

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.json': 'application/json',
  '.ico': 'image/x-icon',
};

/**
 * Demo sign-ins of development: who one can be on the demo data. The console shows them by id (its messages name
 * them); the claims stay here, so that a browser cannot mint a token for any claims it likes.
 */
export const DEMO_SIGN_INS: Record<string, TokenClaims> = {
  'coordinator-irkutsk': {
    subject: 'demo-coordinator-irkutsk',
    role: 'COORDINATOR',
    organizationId: ORG.irkutskOperator.id,
    territoryOktmo: ORG.irkutskOperator.oktmo,
  },
  'coordinator-bratsk': {
    subject: 'demo-coordinator-bratsk',
    role: 'COORDINATOR',
    organizationId: ORG.bratskOperator.id,
    territoryOktmo: ORG.bratskOperator.oktmo,
  },
  'specialist-health-irkutsk-clinic': {
    subject: 'demo-specialist-irk-clinic',
    role: 'SPECIALIST',
    agency: 'HEALTH',
    organizationId: ORG.irkutskChildrenClinic.id,
  },
  'specialist-education-irkutsk-school': {
    subject: 'demo-specialist-irk-school',
    role: 'SPECIALIST',
    agency: 'EDUCATION',
    organizationId: ORG.irkutskSchool.id,
  },
  'specialist-rental-irkutsk-point': {
    subject: 'demo-specialist-irk-rental',
    role: 'SPECIALIST',
    agency: 'RENTAL_FUND',
    organizationId: ORG.irkutskRentalPoint.id,
  },
  analyst: { subject: 'demo-analyst', role: 'ANALYST' },
};

/** Compressed once per file and kept: the built assets are immutable and few (a few hundred KB in all). */
const gzipCache = new Map<string, { mtimeMs: number; body: Buffer }>();

function gzipped(file: string): Buffer {
  const { mtimeMs } = fs.statSync(file);
  const cached = gzipCache.get(file);
  if (cached && cached.mtimeMs === mtimeMs) return cached.body;
  const body = zlib.gzipSync(fs.readFileSync(file), { level: 9 });
  gzipCache.set(file, { mtimeMs, body });
  return body;
}

export interface ConsoleOptions {
  /** The stand-in identity provider's key: given only outside production, it enables the demo sign-in. */
  devTokenKey?: JWK | null;
  dist?: string;
}

function readBody(req: http.IncomingMessage, limit = 4096): Promise<string> {
  return new Promise((resolve, reject) => {
    let body = '';
    req.setEncoding('utf8');
    req.on('data', (chunk: string) => {
      body += chunk;
      if (body.length > limit) reject(new Error('body too large'));
    });
    req.on('end', () => resolve(body));
    req.on('error', reject);
  });
}

function json(res: http.ServerResponse, status: number, value: unknown) {
  res.writeHead(status, { 'content-type': 'application/json', 'cache-control': 'no-store' });
  res.end(JSON.stringify(value));
}

/**
 * The coordinator's console (issue 17): the built single-page application under /app/, any other path under /app/
 * answered with its index.html (the application routes in the browser); /app/config.json tells it the region's time
 * zone and whether the demo sign-in exists; /app/dev-token mints a demo token, outside production only.
 */
export function consoleRoutes(options: ConsoleOptions = {}) {
  const dist = options.dist ?? CONSOLE_DIST;
  return (req: http.IncomingMessage, res: http.ServerResponse): boolean => {
    const pathname = new URL(req.url ?? '/', 'http://localhost').pathname;
    if (pathname === '/app') {
      res.writeHead(308, { location: PREFIX });
      res.end();
      return true;
    }
    if (!pathname.startsWith(PREFIX)) return false;
    if (pathname === `${PREFIX}config.json` && req.method === 'GET') {
      json(res, 200, { timeZone: regionTimeZone(), today: today(), devSignIn: Boolean(options.devTokenKey) });
      return true;
    }
    if (pathname === `${PREFIX}dev-token`) {
      const key = options.devTokenKey;
      if (!key) return false;
      if (req.method === 'GET') {
        json(res, 200, { signIns: Object.keys(DEMO_SIGN_INS) });
        return true;
      }
      if (req.method !== 'POST') return false;
      void readBody(req)
        .then(async (body) => {
          const { signIn } = JSON.parse(body || '{}') as { signIn?: string };
          const claims = signIn ? DEMO_SIGN_INS[signIn] : undefined;
          if (!claims) return json(res, 400, { error: 'unknown demo sign-in' });
          json(res, 200, { token: await mintToken(key, claims, '8h') });
        })
        .catch(() => json(res, 400, { error: 'bad request' }));
      return true;
    }
    if (req.method !== 'GET' && req.method !== 'HEAD') return false;
    const relative = path.normalize(decodeURIComponent(pathname.slice(PREFIX.length))).replace(/^(\.\.(\/|\\|$))+/, '');
    let file = path.join(dist, relative);
    const isAsset = relative !== '' && path.extname(relative) !== '' && file.startsWith(dist);
    const found = isAsset && fs.existsSync(file) && fs.statSync(file).isFile();
    if (path.extname(relative) !== '' && !found) {
      res.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('Not found');
      return true;
    }
    if (!found) file = path.join(dist, 'index.html');
    if (!fs.existsSync(file)) {
      res.writeHead(503, { 'content-type': 'text/plain; charset=utf-8' });
      res.end('The console is not built: npm run build:console');
      return true;
    }
    const hashed = relative.startsWith('assets/');
    const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
    const gzip = /\bgzip\b/.test(String(req.headers['accept-encoding'] ?? '')) && /javascript|css|html|svg/.test(type);
    res.writeHead(200, {
      'content-type': type,
      'cache-control': hashed ? 'public, max-age=31536000, immutable' : 'no-cache',
      'x-content-type-options': 'nosniff',
      vary: 'accept-encoding',
      ...(gzip ? { 'content-encoding': 'gzip' } : {}),
    });
    if (req.method === 'HEAD') res.end();
    else if (gzip) res.end(gzipped(file));
    else fs.createReadStream(file).pipe(res);
    return true;
  };
}
