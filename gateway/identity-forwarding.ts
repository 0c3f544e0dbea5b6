import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError } from 'graphql';
import { IDENTITY_HEADER, signIdentity } from '../subgraphs/kit/identity';
import type { GatewayContext } from './context';
import { isTimeout, subgraphFetcher } from './subgraph-fetcher';

/**
 * Calls one subgraph: signs the caller's identity afresh for every fetch (a captured header
 * cannot be replayed), bounds the wait so a slow agency cannot hold the whole request, and
 * records how long the agency took for the request log.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    private readonly identitySecret: string,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: subgraphFetcher(timeoutMs) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    if (context?.identity) request.http?.headers.set(IDENTITY_HEADER, signIdentity(context.identity, this.identitySecret));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const started = performance.now();
    try {
      return await super.process(options);
    } catch (error) {
      // A down or slow agency is named, so the caller knows whose data is missing (and nothing internal leaks).
      const reason = isTimeout(error) ? 'timed out' : 'is unreachable';
      throw new GraphQLError(`Subgraph ${this.serviceName} ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName, agency: this.serviceName.toUpperCase().replace(/-/g, '_') },
      });
    } finally {
      const context = 'context' in options ? options.context : undefined;
      context?.subgraphTimings?.push({ subgraph: this.serviceName, ms: Math.round((performance.now() - started) * 10) / 10 });
    }
  }
}
