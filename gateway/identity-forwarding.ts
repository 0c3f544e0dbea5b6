import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, type GraphQLFormattedError } from 'graphql';
import { isPublicCode } from '../subgraphs/kit/errors';
import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '../subgraphs/kit/identity';
import type { GatewayContext } from './context';
import { isTimeout, subgraphFetcher, type SubgraphResponse } from './subgraph-fetcher';

/**
 * Calls one subgraph: signs the caller's identity for this subgraph and this fetch's body (a captured
 * header is good nowhere else, issue 13 §2), bounds the wait so a slow agency cannot hold the whole
 * request, and records how long the agency took for the request log.
 */
export class IdentityForwardingDataSource extends RemoteGraphQLDataSource<GatewayContext> {
  constructor(
    private readonly serviceName: string,
    url: string,
    signer: IdentitySigner,
    timeoutMs: number,
  ) {
    super({
      url,
      fetcher: signingFetcher(subgraphFetcher(timeoutMs), signer, serviceName) as never,
    });
  }

  override willSendRequest({ request, context }: GraphQLDataSourceProcessOptions<GatewayContext>): void {
    // Apollo serializes the body after this hook, so the identity waits here unsigned and the fetcher signs it with the exact bytes.
    // Base64url, because a header value must be Latin-1 and a subject may not be (a Cyrillic login).
    if (context?.identity) request.http?.headers.set(IDENTITY_HEADER, Buffer.from(JSON.stringify(context.identity)).toString('base64url'));
  }

  override async process(options: GraphQLDataSourceProcessOptions<GatewayContext>) {
    const started = performance.now();
    try {
      return await super.process(options);
    } catch (error) {
      const answered = codedAnswer(error);
      if (answered) return answered;
      // A down or slow agency is named, so the caller knows whose data is missing (and nothing internal leaks).
      const reason = isTimeout(error) ? 'timed out' : 'is unreachable';
      throw new GraphQLError(`Subgraph ${this.serviceName} ${reason}`, {
        extensions: {
          code: 'SUBGRAPH_UNAVAILABLE',
          serviceName: this.serviceName,
          agency: this.serviceName.toUpperCase().replace(/-/g, '_'),
        },
      });
    } finally {
      const context = 'context' in options ? options.context : undefined;
      context?.subgraphTimings?.push({ subgraph: this.serviceName, ms: Math.round((performance.now() - started) * 10) / 10 });
    }
  }
}

type Fetch = (url: string, init: { method?: string; headers?: Record<string, string>; body?: string }) => Promise<SubgraphResponse>;

/** Replaces the identity left by willSendRequest with the gateway's signature over it, the audience and the body. */
function signingFetcher(fetch: Fetch, signer: IdentitySigner, audience: string): Fetch {
  return (url, init) => {
    const identity = init.headers?.[IDENTITY_HEADER];
    if (identity === undefined) return fetch(url, init);
    const body = init.body ?? '';
    const unsigned = JSON.parse(Buffer.from(identity, 'base64url').toString('utf8')) as Identity;
    const headers = { ...init.headers, [IDENTITY_HEADER]: signer.sign(unsigned, audience, body) };
    return fetch(url, { ...init, headers, body });
  };
}

/**
 * A subgraph that refuses a request before executing it (an argument its scalar rejects: HTTP 400) or cannot reach
 * its database answers with a GraphQL body whose errors carry the hub's codes. That is an answer, not an outage:
 * it goes to the caller as the agency sent it (BAD_USER_INPUT naming the argument, a retryable SERVICE_UNAVAILABLE),
 * instead of "unreachable". 401/403 mean the subgraph refused the gateway itself, which is the hub's fault.
 */
function codedAnswer(error: unknown): { errors: GraphQLFormattedError[]; data?: null } | null {
  if (!(error instanceof GraphQLError)) return null;
  const response = error.extensions?.response as { status?: number; body?: unknown } | undefined;
  if (!response || response.status === 401 || response.status === 403) return null;
  const body = response.body as { errors?: unknown } | undefined;
  const errors = Array.isArray(body?.errors) ? (body.errors as GraphQLFormattedError[]) : [];
  if (!errors.length || !errors.every((e) => isPublicCode(e?.extensions?.code) && e.extensions?.code !== 'UNAUTHENTICATED')) return null;
  return { errors, data: null };
}
