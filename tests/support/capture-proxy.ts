import http from 'node:http';
import type { AddressInfo } from 'node:net';

export interface CapturedRequest {
  /** The subgraph the request was on its way to. */
  service: string;
  headers: Record<string, string>;
  /** The exact body bytes, as text. */
  body: string;
}

/**
 * What an attacker on the wire between the gateway and the subgraphs sees (issue 13): a proxy that forwards
 * each request unchanged and keeps a copy of its headers and body.
 */
export function captureProxy() {
  const captured: CapturedRequest[] = [];
  const servers: http.Server[] = [];
  return {
    captured,
    /** Use as startTestHub's `subgraphUrl`: the gateway then calls `service` through the proxy. */
    async via(service: string, target: string): Promise<string> {
      const server = http.createServer((req, res) => {
        const chunks: Buffer[] = [];
        req.on('data', (c: Buffer) => chunks.push(c));
        req.on('end', () => {
          const body = Buffer.concat(chunks).toString('utf8');
          const headers = Object.fromEntries(Object.entries(req.headers).map(([k, v]) => [k, String(v)]));
          captured.push({ service, headers, body });
          const forwarded = Object.fromEntries(Object.entries(headers).filter(([k]) => k === 'content-type' || k.startsWith('x-hub-')));
          void fetch(target, { method: req.method, headers: forwarded, body: req.method === 'POST' ? body : undefined })
            .then(async (answer) => {
              res.writeHead(answer.status, { 'content-type': answer.headers.get('content-type') ?? 'application/json' });
              res.end(await answer.text());
            })
            .catch(() => res.writeHead(502).end());
        });
      });
      servers.push(server);
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
      return `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
    },
    stop: () => Promise.all(servers.map((s) => new Promise((resolve) => (s.closeAllConnections(), s.close(resolve))))),
  };
}

/** Sends a header and a body to a subgraph as an attacker would: status and, when refused, the reason. */
export async function sendToSubgraph(
  url: string,
  header: string | undefined,
  body: string,
): Promise<{ status: number; reason?: string; body: any }> {
  const response = await fetch(url, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...(header ? { 'x-hub-identity': header } : {}) },
    body,
  });
  const json = (await response.json()) as any;
  return { status: response.status, reason: json.errors?.[0]?.extensions?.reason, body: json };
}
