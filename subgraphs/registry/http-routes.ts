import type http from 'node:http';
import type { SubgraphServices } from '../kit/platform/subgraph';
import { IDENTITY_HEADER } from '../kit/platform/identity';
import { parseUsageReport } from './usage/usage-report';

const BODY_LIMIT = 2 * 1024 * 1024;

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

const refusal = (res: http.ServerResponse, status: number, code: string, message: string) =>
  sendJson(res, status, { errors: [{ message, extensions: { code } }] });

async function readBody(req: http.IncomingMessage): Promise<Buffer | null> {
  const chunks: Buffer[] = [];
  let size = 0;
  for await (const chunk of req as AsyncIterable<Buffer>) {
    size += chunk.length;
    if (size > BODY_LIMIT) return null;
    chunks.push(chunk);
  }
  return Buffer.concat(chunks);
}

/**
 * The registry's HTTP endpoints for gateways (issue 16 §3): `GET /supergraph` (the head version, or 204 when the
 * gateway already has it) and `POST /usage` (the fields operations touched, signed by the gateway like a GraphQL request).
 */
export function registryRoutes({ em, identity, logger }: SubgraphServices) {
  return async (req: http.IncomingMessage, res: http.ServerResponse): Promise<boolean> => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (url.pathname === '/supergraph' && req.method === 'GET') {
      const known = url.searchParams.get('known');
      const after = known !== null && /^\d{1,9}$/.test(known) ? Number(known) : 0;
      // Gateways poll every second: one read by the primary key's index.
      const [head]: { number: number; supergraph_sdl: string; agency_sdls: Record<string, string>; retired: string[] }[] = await em
        .getConnection()
        .execute('select number, supergraph_sdl, agency_sdls, retired from graph_version where number > ? order by number desc limit 1', [
          after,
        ]);
      if (!head) {
        if (known !== null) res.writeHead(204).end();
        else refusal(res, 503, 'SERVICE_UNAVAILABLE', 'The registry has no graph yet');
        return true;
      }
      sendJson(res, 200, { version: head.number, supergraphSdl: head.supergraph_sdl, agencySdls: head.agency_sdls, retired: head.retired });
      return true;
    }
    if (url.pathname === '/usage') {
      if (req.method !== 'POST') {
        refusal(res, 405, 'BAD_REQUEST', 'POST a usage report');
        return true;
      }
      const body = await readBody(req);
      if (body === null) {
        refusal(res, 413, 'PAYLOAD_TOO_LARGE', `A usage report is at most ${BODY_LIMIT} bytes`);
        return true;
      }
      const header = req.headers[IDENTITY_HEADER];
      const verdict = identity.verify(Array.isArray(header) ? header[0] : header, body);
      if (typeof verdict === 'string') {
        logger.log('warn', 'usage report refused: not signed by the gateway', { reason: verdict });
        refusal(res, 401, 'UNAUTHENTICATED', 'Usage reports must come from the hub gateway');
        return true;
      }
      let parsed: unknown;
      try {
        parsed = JSON.parse(body.toString('utf8'));
      } catch {
        refusal(res, 400, 'BAD_USER_INPUT', 'The body is not JSON');
        return true;
      }
      const report = parseUsageReport(parsed);
      if (typeof report === 'string') {
        refusal(res, 400, 'BAD_USER_INPUT', report);
        return true;
      }
      // One statement, however many fields: concurrent reports of the same day add up.
      await em.getConnection().execute(
        `insert into field_usage (coordinate, day, operations)
         select key, ?::date, value::bigint from jsonb_each_text(?::jsonb)
         on conflict (coordinate, day) do update set operations = field_usage.operations + excluded.operations`,
        [report.day, JSON.stringify(report.fields)],
      );
      sendJson(res, 200, { recorded: Object.keys(report.fields).length });
      return true;
    }
    return false;
  };
}
