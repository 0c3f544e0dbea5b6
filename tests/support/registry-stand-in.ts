import http from 'node:http';
import type { AddressInfo } from 'node:net';
import { printSubgraphSchema } from '@apollo/subgraph';
import { composeSupergraphFromAgencySdls } from '../../subgraphs/assembly/composition';
import { buildSubgraphSchema, type SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import type { PublishedSupergraph } from '../../gateway/supergraph-source';

/** What the gateway posted to `/usage`: the exact body and its identity header. */
export interface UsagePost {
  body: string;
  identity: string | undefined;
}

export interface StandInRegistry {
  /** Base URL: `<url>/supergraph`, `<url>/usage`. */
  url: string;
  /** The version `GET /supergraph` answers from now on. */
  publish(version: PublishedSupergraph): void;
  usage: UsagePost[];
  /** When set, `/usage` answers this status (a registry that refuses or fails). */
  usageStatus: number;
  /** False: `/supergraph` answers 503 (a registry that is down or starting). */
  available: boolean;
  /** How many times `/supergraph` was asked. */
  polls: number;
  stop(): Promise<void>;
}

/**
 * The registry's two HTTP routes as the gateway uses them (issue 16 contract), over real HTTP, serving versions the
 * test composes: the registry itself is another subgraph's business.
 */
export async function startStandInRegistry(first: PublishedSupergraph): Promise<StandInRegistry> {
  let head = first;
  const usage: UsagePost[] = [];
  const registry = { usageStatus: 204, available: true, polls: 0 };
  const server = http.createServer((req, res) => {
    const url = new URL(req.url ?? '/', 'http://localhost');
    if (req.method === 'GET' && url.pathname === '/supergraph') {
      registry.polls++;
      if (!registry.available) {
        res.writeHead(503).end();
        return;
      }
      if (url.searchParams.get('known') === String(head.version)) {
        res.writeHead(204).end();
        return;
      }
      res.writeHead(200, { 'content-type': 'application/json' }).end(JSON.stringify(head));
      return;
    }
    if (req.method === 'POST' && url.pathname === '/usage') {
      const chunks: Buffer[] = [];
      req.on('data', (c: Buffer) => chunks.push(c));
      req.on('end', () => {
        const header = req.headers['x-hub-identity'];
        if (registry.usageStatus < 300)
          usage.push({ body: Buffer.concat(chunks).toString('utf8'), identity: header as string | undefined });
        res.writeHead(registry.usageStatus).end();
      });
      return;
    }
    res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    publish: (version) => void (head = version),
    usage,
    get usageStatus() {
      return registry.usageStatus;
    },
    set usageStatus(status: number) {
      registry.usageStatus = status;
    },
    get available() {
      return registry.available;
    },
    set available(available: boolean) {
      registry.available = available;
    },
    get polls() {
      return registry.polls;
    },
    stop: () =>
      new Promise((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}

export async function agencySdlOf(module: SubgraphModule): Promise<string> {
  return printSubgraphSchema(await buildSubgraphSchema(module)) + '\n';
}

/**
 * A registry version composed from the agencies' SDLs, as the registry publishes it: a partner's URL is the one it
 * registered (the composer writes a placeholder, replaced here).
 */
export async function composedVersion(
  version: number,
  agencySdls: Record<string, string>,
  urls: Record<string, string> = {},
  retired: string[] = [],
): Promise<PublishedSupergraph> {
  let { supergraphSdl } = await composeSupergraphFromAgencySdls(agencySdls);
  for (const [name, url] of Object.entries(urls))
    supergraphSdl = supergraphSdl.replace(new RegExp(`(@join__graph\\(name: "${name}", url: )"[^"]*"`), `$1${JSON.stringify(url)}`);
  return { version, supergraphSdl, agencySdls, retired };
}
