import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { HeaderMap, type ApolloServer, type BaseContext } from '@apollo/server';

export interface HttpOptions<TContext extends BaseContext> {
  apollo: ApolloServer<TContext>;
  /** `body` is the request's exact bytes (empty for GET): subgraphs check the gateway's signature over them. */
  context: (req: http.IncomingMessage, body: Buffer) => Promise<TContext>;
  /** What `/health` reports; a throw makes it answer 503. */
  health: () => Promise<Record<string, unknown>>;
  /** Largest request body accepted, in bytes. */
  bodyLimit?: number;
  /** Extra GET routes (the gateway's IDE); return true when handled. */
  routes?: (req: http.IncomingMessage, res: http.ServerResponse) => boolean | Promise<boolean>;
}

export interface HttpService {
  server: http.Server;
  /** Starts listening; port 0 picks a free port. Returns the GraphQL endpoint URL. */
  listen(port: number, host?: string): Promise<string>;
  close(): Promise<void>;
}

class PayloadTooLarge extends Error {}

const EMPTY = Buffer.alloc(0);

function readBody(req: http.IncomingMessage, limit: number): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    let size = 0;
    const chunks: Buffer[] = [];
    req.on('data', (chunk: Buffer) => {
      size += chunk.length;
      if (size > limit) {
        // Answer at once and discard the rest, so the client reads a clear 413 instead of a reset.
        reject(new PayloadTooLarge());
        chunks.length = 0;
        return;
      }
      chunks.push(chunk);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function sendJson(res: http.ServerResponse, status: number, body: unknown): void {
  res.writeHead(status, { 'content-type': 'application/json; charset=utf-8' });
  res.end(JSON.stringify(body));
}

/**
 * A GraphQL service on plain node:http: `/graphql` for Apollo Server, `/health` for probes.
 * Both the subgraphs and the gateway use it, so limits and health checks behave the same everywhere.
 */
export function createHttpService<TContext extends BaseContext>(options: HttpOptions<TContext>): HttpService {
  const bodyLimit = options.bodyLimit ?? 1024 * 1024;
  // node:http ignores a handler's promise; the handler below catches every error itself.
  const server = http.createServer((req, res) => void handle(req, res));
  const handle = async (req: http.IncomingMessage, res: http.ServerResponse): Promise<void> => {
    try {
      const url = new URL(req.url ?? '/', 'http://localhost');
      if (url.pathname === '/health') {
        try {
          sendJson(res, 200, { status: 'ok', ...(await options.health()) });
        } catch (error) {
          sendJson(res, 503, { status: 'unavailable', reason: (error as Error).message });
        }
        return;
      }
      if (options.routes && (await options.routes(req, res))) return;
      if (url.pathname !== '/graphql') {
        sendJson(res, 404, { errors: [{ message: 'Not found', extensions: { code: 'NOT_FOUND' } }] });
        return;
      }
      let body: unknown = undefined;
      let raw: Buffer = EMPTY;
      if (req.method === 'POST') {
        raw = await readBody(req, bodyLimit);
        const text = raw.toString('utf8');
        try {
          body = text ? JSON.parse(text) : {};
        } catch {
          sendJson(res, 400, { errors: [{ message: 'Request body is not JSON', extensions: { code: 'BAD_REQUEST' } }] });
          return;
        }
      }
      const headers = new HeaderMap();
      for (const [key, value] of Object.entries(req.headers)) {
        if (value !== undefined) headers.set(key, Array.isArray(value) ? value.join(', ') : value);
      }
      const response = await options.apollo.executeHTTPGraphQLRequest({
        httpGraphQLRequest: { method: req.method ?? 'GET', headers, search: url.search, body },
        context: () => options.context(req, raw),
      });
      for (const [key, value] of response.headers) res.setHeader(key, value);
      res.statusCode = response.status ?? 200;
      if (response.body.kind === 'complete') {
        res.end(response.body.string);
      } else {
        for await (const chunk of response.body.asyncIterator) res.write(chunk);
        res.end();
      }
    } catch (error) {
      if (error instanceof PayloadTooLarge) {
        res.setHeader('connection', 'close');
        sendJson(res, 413, {
          errors: [{ message: `Request body exceeds ${bodyLimit} bytes`, extensions: { code: 'PAYLOAD_TOO_LARGE' } }],
        });
        return;
      }
      if (!res.headersSent)
        sendJson(res, 500, { errors: [{ message: 'Internal server error', extensions: { code: 'INTERNAL_SERVER_ERROR' } }] });
      else res.end();
    }
  };
  server.keepAliveTimeout = 65_000;
  return {
    server,
    listen(port, host = '127.0.0.1') {
      return new Promise((resolve, reject) => {
        server.once('error', reject);
        server.listen(port, host, () => {
          const address = server.address() as AddressInfo;
          resolve(`http://${host}:${address.port}/graphql`);
        });
      });
    },
    close() {
      return new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      });
    },
  };
}
