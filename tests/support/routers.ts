import { ApolloGateway } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { startStandaloneServer } from '@apollo/server/standalone';
import { createGatewayRuntime, type GatewayPlugin } from '@graphql-hive/gateway-runtime';
import httpTransport from '@graphql-mesh/transport-http';
import { GraphQLError } from 'graphql';
import { randomUUID } from 'node:crypto';
import { createServer } from 'node:http';
import type { AddressInfo } from 'node:net';
import { AuthenticationError, createAuthenticator, type Authenticate, type JwtSettings } from '../../gateway/authentication';
import type { GatewayContext } from '../../gateway/context';
import { DEV_ISSUER, HUB_AUDIENCE } from '../../gateway/dev-keys';
import { IdentityForwardingDataSource } from '../../gateway/identity-forwarding';
import { IDENTITY_HEADER, IdentitySigner, type Identity } from '../../subgraphs/kit/platform/identity';
import type { GraphQLResponse, TestHub } from './hub';

/**
 * A federation router serving the hub's supergraph over HTTP, as a client sees it: one URL,
 * a bearer token, a GraphQL answer. Issue 14 §3: any router must give the same answers.
 */
export interface Router {
  name: string;
  url: string;
  query<T = Record<string, any>>(token: string | null, query: string, variables?: Record<string, unknown>): Promise<GraphQLResponse<T>>;
  stop(): Promise<void>;
}

/** What every router is given: the composed supergraph, where the subgraphs run now, the token keys and the gateway's signing key. */
export interface RouterSetup {
  supergraphSdl: string;
  subgraphUrls: Record<string, string>;
  jwt: JwtSettings;
  signingKey: unknown;
}

export function routerSetupOf(hub: TestHub): RouterSetup {
  // The agencies and the assembly subgraph (route, access log, resource map, statistics), each where it runs now.
  const running: [string, { url: string }][] = [...Object.entries(hub.subgraphs), [hub.assembly.name, hub.assembly]];
  return {
    supergraphSdl: hub.supergraphSdl,
    subgraphUrls: Object.fromEntries(running.map(([name, s]) => [name, s.url])),
    jwt: { issuer: DEV_ISSUER, audience: HUB_AUDIENCE, jwks: hub.keys.jwks },
    signingKey: hub.keys.gateway.privateJwk,
  };
}

/**
 * The supergraph with each `join__graph(name: "...", url: "...")` pointing at the running subgraph, so that
 * a router needs no URL-override option of its own (each router spells that option differently).
 */
export function withSubgraphUrls(supergraphSdl: string, subgraphUrls: Record<string, string>): string {
  const unknown: string[] = [];
  const rewritten = supergraphSdl.replace(/@join__graph\(name: "([^"]+)", url: "[^"]*"\)/g, (_declaration, name: string) => {
    const url = subgraphUrls[name];
    if (!url) unknown.push(name);
    return `@join__graph(name: "${name}", url: "${url}")`;
  });
  // A subgraph left at its composed URL would be fetched at a port nothing (or something else) listens on.
  if (unknown.length) throw new Error(`No running URL for subgraph(s) ${unknown.join(', ')} of the supergraph`);
  if (rewritten === supergraphSdl) throw new Error('No join__graph declaration found in the supergraph');
  return rewritten;
}

async function postGraphQL(
  url: string,
  token: string | null,
  query: string,
  variables?: Record<string, unknown>,
): Promise<GraphQLResponse<any>> {
  const response = await fetch(url, {
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      accept: 'application/json',
      ...(token ? { authorization: `Bearer ${token}` } : {}),
    },
    body: JSON.stringify({ query, variables }),
  });
  return { status: response.status, ...((await response.json()) as object) };
}

/** The hub's own gateway, as startTestHub started it. */
export function hubRouter(hub: TestHub): Router {
  return { name: 'hub gateway', url: hub.gatewayUrl, query: (token, q, v) => hub.query(token, q, v), stop: async () => undefined };
}

function unauthenticated(error: unknown): GraphQLError {
  const message = error instanceof AuthenticationError ? error.message : 'Authentication failed';
  return new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
}

async function identityOf(authenticate: Authenticate, authorization: string | null | undefined): Promise<Identity> {
  try {
    return await authenticate(authorization ?? undefined, randomUUID());
  } catch (error) {
    throw unauthenticated(error);
  }
}

/**
 * Plain `@apollo/gateway` in a plain Apollo Server: token verification and the hub's identity forwarding,
 * nothing else — no hub fields, no limits, no document budget, no request log. What an agency running a
 * stock Node gateway would have.
 */
export async function startPlainApolloGateway(setup: RouterSetup): Promise<Router> {
  const authenticate = createAuthenticator(setup.jwt);
  const signer = new IdentitySigner(setup.signingKey);
  const gateway = new ApolloGateway({
    supergraphSdl: withSubgraphUrls(setup.supergraphSdl, setup.subgraphUrls),
    buildService: ({ name, url }) => new IdentityForwardingDataSource(name, url ?? '', signer, 5000),
    logger: { debug: () => undefined, info: () => undefined, warn: () => undefined, error: () => undefined },
  });
  const apollo = new ApolloServer<GatewayContext>({ gateway, stopOnTerminationSignals: false });
  const { url } = await startStandaloneServer(apollo, {
    listen: { port: 0, host: '127.0.0.1' },
    context: async ({ req }) => ({
      identity: await identityOf(authenticate, req.headers.authorization),
      requestId: randomUUID(),
      subgraphTimings: [],
    }),
  });
  return { name: '@apollo/gateway', url, query: (token, q, v) => postGraphQL(url, token, q, v), stop: () => apollo.stop() };
}

/**
 * Hive Gateway's counterpart of IdentityForwardingDataSource: each subgraph fetch gets `x-hub-identity`, the
 * gateway key's signature over the caller, the subgraph (audience) and the exact body bytes Hive is about to send.
 * The subgraph is known by the URL it is fetched at: every subgraph runs at its own URL.
 */
export function useHubIdentitySigning(setup: Pick<RouterSetup, 'subgraphUrls' | 'signingKey'>): GatewayPlugin<{ identity: Identity }> {
  const signer = new IdentitySigner(setup.signingKey);
  const subgraphAt = new Map(Object.entries(setup.subgraphUrls).map(([name, url]) => [url, name]));
  return {
    onFetch({ url, options, setOptions, context }) {
      const identity = 'identity' in context ? context.identity : undefined;
      const audience = subgraphAt.get(url);
      // Hive's own fetches (none with a static supergraph) carry no caller; a subgraph fetch always has both.
      if (!identity || !audience) return;
      // A body that is not a string could not be signed byte for byte, and the subgraph would refuse it: say so here instead.
      if (typeof options.body !== 'string')
        throw new Error(`Hive sent a ${typeof options.body} body to ${audience}; only a string body can be signed`);
      const headers = Object.fromEntries(new Headers(options.headers as HeadersInit).entries());
      setOptions({ ...options, headers: { ...headers, [IDENTITY_HEADER]: signer.sign(identity, audience, options.body) } });
    },
  };
}

/** Verifies the bearer token as the hub's gateway does and puts the caller's identity in Hive's context. */
export function useHubAuthentication(jwt: JwtSettings): GatewayPlugin<{ identity: Identity }> {
  const authenticate = createAuthenticator(jwt);
  return {
    async onContextBuilding({ context, extendContext }) {
      extendContext({ identity: await identityOf(authenticate, context.request.headers.get('authorization')) });
    },
  };
}

/**
 * Hive Gateway (`@graphql-hive/gateway-runtime`) with the HTTP transport, token verification and identity signing.
 * The supergraph is loaded at start; Hive's refusal of it is returned (`refusal`) instead of thrown, so that a
 * test can name it while the other routers' tests still run.
 */
export async function startHiveGateway(setup: RouterSetup): Promise<Router & { refusal: string | null }> {
  const runtime = createGatewayRuntime<{ identity: Identity }>({
    supergraph: withSubgraphUrls(setup.supergraphSdl, setup.subgraphUrls),
    transports: { http: httpTransport },
    logging: false,
    // Unmasked: an error reaches the test in Hive's words instead of "Unexpected error.".
    maskedErrors: false,
    landingPage: false,
    graphiql: false,
    plugins: () => [useHubAuthentication(setup.jwt), useHubIdentitySigning(setup)],
  });
  // whatwg-node's listener answers every request itself, errors included: nothing is left to await.
  const server = createServer((req, res) => void runtime.requestListener(req, res));
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const url = `http://127.0.0.1:${(server.address() as AddressInfo).port}/graphql`;
  const stop = async () => {
    await new Promise<void>((resolve) => server.close(() => resolve()));
    await runtime.dispose();
  };
  // Loading the supergraph is what Hive refuses; a refusal is kept in Hive's words for the test to name.
  // (Hive throws it synchronously or rejects, depending on where composition fails.)
  let refusal: string | null = null;
  try {
    await runtime.getSchema();
  } catch (error) {
    refusal = error instanceof Error ? error.message : String(error);
  }
  return { name: 'Hive Gateway', url, refusal, query: (token, q, v) => postGraphQL(url, token, q, v), stop };
}
