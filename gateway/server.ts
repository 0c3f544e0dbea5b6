import { ApolloGateway, LocalGraphQLDataSource } from '@apollo/gateway';
import { ApolloServer } from '@apollo/server';
import { randomUUID } from 'node:crypto';
import type { IncomingMessage, ServerResponse } from 'node:http';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { JWK } from 'jose';
import { hubErrorFormatter } from '../subgraphs/kit/platform/error-formatter';
import { createHttpService, type HttpService } from '../subgraphs/kit/platform/http';
import { createLogger, type Logger } from '../subgraphs/kit/platform/logging';
import { requestLogPlugin } from '../subgraphs/kit/platform/request-log';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginLandingPageDisabled } from '@apollo/server/plugin/disabled';
import { AuthenticationError, createAuthenticator, type JwtSettings } from './authentication';
import type { GatewayContext } from './context';
import { consoleRoutes } from './console';
import { ideRoutes } from './ide';
import { IdentityForwardingDataSource } from './identity-forwarding';
import { IdentitySigner } from '../subgraphs/kit/platform/identity';
import type { KeyPolicy } from '../subgraphs/kit/platform/signing-keys';
import { codeTokenLimit } from './document-budget';
import { DEFAULT_LIMITS, limitRules, type QueryLimits } from './limits';
import { withoutSuggestions } from './suggestions';
import { AssemblyVersions } from './assembly-versions';
import { FieldUsage, fieldUsagePlugin } from './field-usage';
import { RegistrySupergraphSource, type RegistrySettings } from './supergraph-source';

/** Where the gateway publishes its public identity key (RFC 8615 well-known location). */
export const JWKS_PATH = '/.well-known/jwks.json';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

export interface GatewayOptions {
  /** The composed supergraph (schema/supergraph.graphql): static composition, no introspection at run time. */
  supergraphSdl: string;
  /** Where each subgraph runs now, by service name; overrides the URLs recorded at composition. */
  subgraphUrls?: Record<string, string>;
  /**
   * Subgraphs the gateway runs in its own process instead of calling them (the assembly subgraph, which holds no data
   * and decides nothing about the caller): the same schema, without the HTTP hop and the body signature.
   */
  localSubgraphs?: Record<string, GraphQLSchema>;
  jwt: JwtSettings;
  /** The gateway's private Ed25519 key (JWK with kid): it alone signs the identities subgraphs accept. */
  signingKey: unknown;
  /** Set from NODE_ENV=production by the entry points: development keys are refused at start. */
  keyPolicy?: KeyPolicy;
  /** Production: no IDE, no introspection, no "Did you mean …" suggestions naming schema fields. */
  production?: boolean;
  limits?: Partial<QueryLimits>;
  bodyLimitBytes?: number;
  /** How long one subgraph fetch may take before the gateway gives up on that agency. */
  subgraphTimeoutMs?: number;
  logger?: Logger;
  /**
   * The stand-in identity provider's private key (development keys): the console's demo sign-in mints tokens with it.
   * Ignored in production, where tokens come from the region's identity provider only.
   */
  devTokenKey?: JWK | null;
  /**
   * The hub's schema registry (issue 16 §3): the gateway loads the supergraph it publishes and follows each new
   * version without a restart, running each version's assembly itself. Without it the gateway serves `supergraphSdl`
   * alone; with it `supergraphSdl` is what it serves when the registry does not answer at start.
   */
  registry?: RegistrySettings;
}

export interface Gateway {
  apollo: ApolloServer<GatewayContext>;
  http: HttpService;
  listen(port: number, host?: string): Promise<string>;
  stop(): Promise<void>;
}

/**
 * The hub's single entry point. It authenticates the caller and forwards a signed identity;
 * it makes no authorization decision of its own, so a faster federation router could take
 * its place without weakening any protection.
 */
export async function createGateway(options: GatewayOptions): Promise<Gateway> {
  const logger = (options.logger ?? createLogger({})).child({ service: 'gateway' });
  const authenticate = createAuthenticator(options.jwt);
  const signer = new IdentitySigner(options.signingKey, options.keyPolicy);
  // The public key is published so that an agency (a partner joining, an operator checking a rotation) can compare it with the key set it was given.
  const publishedKeys = JSON.stringify(signer.publicKeySet());
  const publishKeys = (req: IncomingMessage, res: ServerResponse): boolean => {
    if (req.method !== 'GET' || new URL(req.url ?? '/', 'http://localhost').pathname !== JWKS_PATH) return false;
    res.writeHead(200, { 'content-type': 'application/jwk-set+json' });
    res.end(publishedKeys);
    return true;
  };
  const assemblies = new AssemblyVersions();
  const source = options.registry
    ? new RegistrySupergraphSource(
        options.registry,
        options.supergraphSdl,
        {
          prepare: (published) =>
            assemblies.prepare(published.version, published.supergraphSdl, published.agencySdls, published.retired ?? []),
          discard: (version) => assemblies.discard(version),
          loaded: (version) => assemblies.loaded(version),
        },
        logger,
      )
    : null;
  const gateway = new ApolloGateway({
    supergraphSdl: source ?? options.supergraphSdl,
    buildService: ({ name, url }) =>
      assemblies.dataSourceFor(name, url) ??
      (options.localSubgraphs?.[name]
        ? new LocalGraphQLDataSource(options.localSubgraphs[name])
        : new IdentityForwardingDataSource(name, options.subgraphUrls?.[name] ?? url ?? '', signer, options.subgraphTimeoutMs ?? 5000)),
    logger: {
      debug: () => undefined,
      info: () => undefined,
      warn: (message: unknown) => logger.log('warn', ...apolloGatewayLogLine(message)),
      error: (message: unknown) => logger.log('error', ...apolloGatewayLogLine(message)),
    },
  });
  const production = options.production ?? false;
  const limits = { ...DEFAULT_LIMITS, ...options.limits };
  const formatHubErrorOf = hubErrorFormatter(logger);
  const apollo = new ApolloServer<GatewayContext>({
    gateway,
    introspection: !production,
    // The hub's processes stop their parts in order (gateway, subgraphs, database); Apollo must not act on signals itself.
    stopOnTerminationSignals: false,
    includeStacktraceInErrorResponses: false,
    // Parsing stops past the token limit; the rest of the document budget is checked before any other validation rule.
    parseOptions: { maxTokens: limits.maxTokens },
    validationRules: limitRules(limits),
    hideSchemaDetailsFromClientErrors: production,
    formatError: (formatted, error) => {
      const hub = formatHubErrorOf(codeTokenLimit(formatted, limits.maxTokens), error);
      return production ? withoutSuggestions(hub) : hub;
    },
    plugins: [
      // Apollo's default landing page loads its code from a CDN; the hub serves its own GraphiQL in development (ide.ts).
      ApolloServerPluginLandingPageDisabled(),
      // Answers hold personal data and are never cached by anyone: no cache hints to compute.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin<GatewayContext>(logger, (ctx) => ({
        requestId: ctx.requestId,
        role: ctx.identity?.role,
        subgraphs: ctx.subgraphTimings,
      })),
      // The registry refuses a breaking change to a field real operations use: the gateway tells it which fields they touch.
      ...(options.registry
        ? [fieldUsagePlugin<GatewayContext>(new FieldUsage(options.registry, signer, logger), options.registry.usageFlushIntervalMs)]
        : []),
    ],
  });
  await apollo.start();
  const serveConsole = consoleRoutes({ devTokenKey: production ? null : options.devTokenKey });

  const http = createHttpService<GatewayContext>({
    apollo,
    bodyLimit: options.bodyLimitBytes ?? 256 * 1024,
    routes: (req, res) => publishKeys(req, res) || serveConsole(req, res) || (!production && ideRoutes(req, res)),
    async context(req) {
      const offered = req.headers['x-request-id'];
      // A caller's request id is kept for correlation only when it is a UUID: it goes into every audit record.
      const requestId: string = typeof offered === 'string' && UUID.test(offered) ? offered : randomUUID();
      try {
        const identity = await authenticate(req.headers.authorization, requestId);
        return { identity, requestId, subgraphTimings: [] };
      } catch (error) {
        const message = error instanceof AuthenticationError ? error.message : 'Authentication failed';
        throw new GraphQLError(message, { extensions: { code: 'UNAUTHENTICATED', http: { status: 401 } } });
      }
    },
    async health() {
      // Which registry version is served (null: the static supergraph), so an operator sees a rollout reach each replica.
      return { service: 'gateway', supergraphVersion: source?.version ?? null };
    },
  });

  return {
    apollo,
    http,
    listen: (port, host) => http.listen(port, host),
    async stop() {
      await http.close();
      await apollo.stop();
    },
  };
}

/**
 * Apollo Gateway appends the error it caught to its own words ("Unexpected error during query plan execution: " + error),
 * and such an error may quote a subgraph's answer or a variable, i.e. personal data. Logs carry the gateway's words only
 * (issue 12 §4: logs carry ids and codes).
 */
export function apolloGatewayLogLine(message: unknown): [string, Record<string, unknown>] {
  const text = String(message);
  const cut = text.indexOf(': ');
  return cut < 0 ? [text, {}] : [text.slice(0, cut), { detailWithheld: true }];
}
