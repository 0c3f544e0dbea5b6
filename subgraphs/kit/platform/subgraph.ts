import 'reflect-metadata';
import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import type { MigrationObject } from '@mikro-orm/core';
import type { EntityManager } from '@mikro-orm/postgresql';
import { GraphQLError, type GraphQLSchema } from 'graphql';
import type { NonEmptyArray } from 'type-graphql';
import { AuditRecord, AuditWriter, makeAuditAppendOnly } from '../policy/audit';
import { roleChecker } from '../policy/authorization';
import { createContext, type HubContext } from './context';
import { openDatabase, type Database } from './database';
import { hubErrorFormatter } from './error-formatter';
import { buildFederatedSchema, type ReferenceResolvers } from './federated-schema';
import { createHttpService, type HttpOptions, type HttpService } from './http';
import { IDENTITY_HEADER, type IdentityVerifier } from './identity';
import { isServiceSdlRequest, sdlReader } from './public-sdl';
import { createLogger, type Logger } from './logging';
import { requestLogPlugin } from './request-log';
import type { KeyPolicy } from './signing-keys';
import { subgraphTrust, type SubgraphKeys } from './subgraph-trust';

/**
 * Everything that makes an agency subgraph, declared by the agency in its `subgraph.ts`.
 * A partner agency writes one of these and gets the same server, security and logging.
 */
export interface SubgraphModule {
  /** Service name in the supergraph, e.g. `health`. */
  name: string;
  /** Agency code used in route steps and the resource map, e.g. `HEALTH`. */
  agency: string;
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  entities: any[];
  migrations: MigrationObject[];
  // type-graphql takes resolver and type classes as bare constructors
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  resolvers: NonEmptyArray<Function>;
  referenceResolvers?: ReferenceResolvers;
  // type-graphql takes resolver and type classes as bare constructors
  // eslint-disable-next-line @typescript-eslint/no-unsafe-function-type
  orphanedTypes?: Function[];
  /** Reference data every installation needs (catalogues, calendars); must be idempotent. */
  loadReferenceData?(em: EntityManager): Promise<void>;
  /** The demo families' records in this agency; must be idempotent. */
  loadDemoData?(em: EntityManager): Promise<void>;
  /** Extra HTTP endpoints on the subgraph's own service (the registry's `/supergraph` and `/usage` for gateways). */
  routes?(services: SubgraphServices): NonNullable<HttpOptions<HubContext>['routes']>;
}

/** What a module's own HTTP endpoints get: the database, the gateway's signature check for this subgraph, the log. */
export interface SubgraphServices {
  /** The ORM's shared entity manager: fork it, or run statements on its connection. */
  em: EntityManager;
  /** Verifies `x-hub-identity` over a body's exact bytes, addressed to this subgraph (as for GraphQL requests). */
  identity: IdentityVerifier;
  logger: Logger;
}

export interface SubgraphConfig {
  databaseUrl: string;
  /** Public key sets of the gateway and of social protection; social protection's own consent key (subgraph-trust.ts). */
  keys: SubgraphKeys;
  /** Set from NODE_ENV=production by the entry points: development keys are refused at start. */
  keyPolicy?: KeyPolicy;
  demoData?: boolean;
  logger?: Logger;
  poolSize?: number;
  /** Audit reads (default). Off only to measure what auditing costs (npm run bench). */
  auditReads?: boolean;
}

export interface RunningSubgraph {
  name: string;
  url: string;
  database: Database;
  http: HttpService;
  stop(): Promise<void>;
}

/** The agency's entities plus what the kit keeps in every agency database (the audit trail). */
export function moduleEntities(module: SubgraphModule) {
  return [...module.entities, AuditRecord];
}

export function buildSubgraphSchema(module: SubgraphModule): Promise<GraphQLSchema> {
  return buildFederatedSchema(
    { resolvers: module.resolvers, orphanedTypes: module.orphanedTypes, authChecker: roleChecker, authMode: 'error' },
    module.referenceResolvers,
  );
}

/** Opens the agency's database, migrates it, loads reference (and demo) data, and serves it. */
export async function startSubgraph(
  module: SubgraphModule,
  config: SubgraphConfig,
  port = 0,
  host = '127.0.0.1',
): Promise<RunningSubgraph> {
  const logger = (config.logger ?? createLogger({})).child({ service: module.name });
  // Keys are checked before anything opens: a subgraph with a missing or unusable key does not start.
  const trust = subgraphTrust(module.name, config.keys, config.keyPolicy);
  const database = await openDatabase({
    url: config.databaseUrl,
    entities: moduleEntities(module),
    migrations: module.migrations,
    poolSize: config.poolSize,
  });
  try {
    const applied = await database.migrate();
    if (applied.length) logger.log('info', 'migrations applied', { migrations: applied });
    const em = database.orm.em.fork();
    await makeAuditAppendOnly(em);
    await module.loadReferenceData?.(em);
    if (config.demoData) await module.loadDemoData?.(em.fork());
  } catch (error) {
    await database.close();
    throw error;
  }

  const schema = await buildSubgraphSchema(module);
  const auditWriter = new AuditWriter(database.orm.em);
  const apollo = new ApolloServer<HubContext>({
    schema,
    includeStacktraceInErrorResponses: false,
    // The hub's processes stop their parts in order (gateway, subgraphs, database); Apollo must not act on signals itself.
    stopOnTerminationSignals: false,
    formatError: hubErrorFormatter(logger),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      // Answers hold personal data and are never cached by anyone; cache hints would only wrap every field resolver.
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin<HubContext>(logger, (ctx) => ({ requestId: ctx.requestId, role: ctx.identity?.role })),
      {
        // The audit of a request's reads is written before its response is sent: never lost on success.
        async requestDidStart() {
          return {
            async willSendResponse({ contextValue }) {
              if (contextValue?.audit) await contextValue.audit.flush(auditWriter);
            },
          };
        },
      },
    ],
  });
  await apollo.start();

  const http = createHttpService<HubContext>({
    apollo,
    async context(req, body) {
      const header = req.headers[IDENTITY_HEADER];
      // The registry reads a partner's public SDL without an identity; a request that carries one is always verified.
      if (header === undefined && isServiceSdlRequest(req, body))
        return createContext(module.name, sdlReader(), database.orm.em, config.auditReads !== false, trust);
      // The signature covers this subgraph's name and the body's exact bytes, as received.
      const verdict = trust.identity.verify(Array.isArray(header) ? header[0] : header, body);
      if (typeof verdict === 'string') {
        logger.log('warn', 'request refused: identity not signed by the gateway', { reason: verdict });
        // Only the gateway may call a subgraph; anything else is refused before any resolver runs.
        throw new GraphQLError('Requests must come through the hub gateway', {
          extensions: { code: 'UNAUTHENTICATED', reason: verdict, http: { status: 401 } },
        });
      }
      return createContext(module.name, verdict, database.orm.em, config.auditReads !== false, trust);
    },
    async health() {
      await database.orm.em.getConnection().execute('select 1');
      return { service: module.name, sqlStatements: database.statements.count, sqlRoundTrips: database.statements.roundTrips };
    },
    routes: module.routes?.({ em: database.orm.em as EntityManager, identity: trust.identity, logger }),
  });
  const url = await http.listen(port, host);
  logger.log('info', 'subgraph listening', { url });
  return {
    name: module.name,
    url,
    database,
    http,
    stop: once(async () => {
      await http.close();
      await apollo.stop();
      await database.close();
    }),
  };
}

function once(fn: () => Promise<void>): () => Promise<void> {
  let done: Promise<void> | null = null;
  return () => (done ??= fn());
}
