import { ApolloServer } from '@apollo/server';
import { ApolloServerPluginCacheControlDisabled, ApolloServerPluginInlineTraceDisabled } from '@apollo/server/plugin/disabled';
import { buildSubgraphSchema } from '@apollo/subgraph';
import { GraphQLError, parse } from 'graphql';
import { hubErrorFormatter } from '../kit/platform/error-formatter';
import { createHttpService, type HttpService } from '../kit/platform/http';
import { IDENTITY_HEADER, type Identity } from '../kit/platform/identity';
import { createLogger, type Logger } from '../kit/platform/logging';
import { isServiceSdlRequest, sdlReader } from '../kit/platform/public-sdl';
import { requestLogPlugin } from '../kit/platform/request-log';
import type { KeyPolicy } from '../kit/platform/signing-keys';
import { subgraphTrust, type SubgraphKeys } from '../kit/platform/subgraph-trust';
import { ASSEMBLY, type Assembly } from './assembly-schema';
import { assemblyResolvers } from './resolvers';

export interface AssemblyContext {
  identity: Identity;
  requestId: string;
}

export interface RunningAssembly {
  name: string;
  url: string;
  http: HttpService;
  stop(): Promise<void>;
}

/**
 * The assembly subgraph's executable schema. It decides nothing about the caller, so the hub's gateway may also run it
 * in its own process (`GatewayOptions.localSubgraphs`) and save the hop; any other router calls the service below.
 */
export function assemblySchema(assembly: Assembly) {
  return buildSubgraphSchema({ typeDefs: parse(assembly.sdl), resolvers: assemblyResolvers(assembly) });
}

/**
 * The assembly subgraph as an ordinary service: any federation router calls it like an agency, with the gateway's
 * signed identity. It has no database: everything it assembles arrives in the representations the router sends,
 * fetched by the router from the agencies under their own authorization.
 */
export async function startAssembly(
  assembly: Assembly,
  options: { keys: SubgraphKeys; keyPolicy?: KeyPolicy; logger?: Logger },
  port = 0,
  host = '127.0.0.1',
): Promise<RunningAssembly> {
  const logger = (options.logger ?? createLogger({})).child({ service: ASSEMBLY });
  const trust = subgraphTrust(ASSEMBLY, options.keys, options.keyPolicy);
  const apollo = new ApolloServer<AssemblyContext>({
    schema: assemblySchema(assembly),
    includeStacktraceInErrorResponses: false,
    stopOnTerminationSignals: false,
    formatError: hubErrorFormatter(logger),
    plugins: [
      ApolloServerPluginInlineTraceDisabled(),
      ApolloServerPluginCacheControlDisabled(),
      requestLogPlugin<AssemblyContext>(logger, (ctx) => ({ requestId: ctx.requestId, role: ctx.identity?.role })),
    ],
  });
  await apollo.start();
  const http = createHttpService<AssemblyContext>({
    apollo,
    // Representations carry whole routes: a family's route is larger than an agency's usual request.
    bodyLimit: 8 * 1024 * 1024,
    async context(req, body) {
      const header = req.headers[IDENTITY_HEADER];
      // The registry reads the public SDL without an identity; a request that carries one is always verified.
      if (header === undefined && isServiceSdlRequest(req, body)) {
        const identity = sdlReader();
        return { identity, requestId: identity.requestId };
      }
      const verdict = trust.identity.verify(Array.isArray(header) ? header[0] : header, body);
      if (typeof verdict === 'string') {
        logger.log('warn', 'request refused: identity not signed by the gateway', { reason: verdict });
        throw new GraphQLError('Requests must come through the hub gateway', {
          extensions: { code: 'UNAUTHENTICATED', reason: verdict, http: { status: 401 } },
        });
      }
      return { identity: verdict, requestId: verdict.requestId };
    },
    async health() {
      return { service: ASSEMBLY, contributions: assembly.contributions.length };
    },
  });
  const url = await http.listen(port, host);
  logger.log('info', 'assembly subgraph listening', { url });
  return {
    name: ASSEMBLY,
    url,
    http,
    async stop() {
      await http.close();
      await apollo.stop();
    },
  };
}
