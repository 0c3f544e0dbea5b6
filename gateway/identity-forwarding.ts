import { RemoteGraphQLDataSource, type GraphQLDataSourceProcessOptions } from '@apollo/gateway';
import { GraphQLError, Kind, parse, type GraphQLFormattedError, type SelectionSetNode } from 'graphql';
import { agencyOf } from '../subgraphs/conventions/tags';
import { isPublicCode } from '../subgraphs/kit/platform/errors';
import { IDENTITY_HEADER, type Identity, type IdentitySigner } from '../subgraphs/kit/platform/identity';
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
      const unavailable = new GraphQLError(`Subgraph ${this.serviceName} ${reason}`, {
        extensions: { code: 'SUBGRAPH_UNAVAILABLE', serviceName: this.serviceName, agency: agencyOf(this.serviceName) },
      });
      const entities = nullEntities(options.request.query, options.request.variables?.representations);
      if (!entities) throw unavailable;
      // The agency's fields of these entities are null, rather than absent: a field another subgraph @requires
      // (an agency's part of a family route) is then a gap in that answer, not a reason to drop the whole person.
      return { data: { _entities: entities }, errors: [unavailable.toJSON()] };
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

/**
 * For an `_entities` fetch that got no answer: each entity with every field the fetch asked for set to null, by the
 * fetch's own selection (per type condition). Null for any other fetch.
 */
export function nullEntities(query: string | undefined, representations: unknown): Record<string, unknown>[] | null {
  if (!query || !Array.isArray(representations)) return null;
  const operation = parse(query).definitions.find((d) => d.kind === Kind.OPERATION_DEFINITION);
  const entities = operation?.selectionSet.selections.find((s) => s.kind === Kind.FIELD && s.name.value === '_entities');
  if (!entities || entities.kind !== Kind.FIELD || !entities.selectionSet) return null;
  const fieldsFor = (typeName: string, set: SelectionSetNode): string[] =>
    set.selections.flatMap((s) => {
      if (s.kind === Kind.FIELD) return s.name.value === '__typename' ? [] : [s.alias?.value ?? s.name.value];
      if (s.kind === Kind.INLINE_FRAGMENT && (!s.typeCondition || s.typeCondition.name.value === typeName))
        return fieldsFor(typeName, s.selectionSet);
      return [];
    });
  return representations.map((representation) => {
    const typeName = String((representation as { __typename?: unknown })?.__typename ?? '');
    return { __typename: typeName, ...Object.fromEntries(fieldsFor(typeName, entities.selectionSet!).map((f) => [f, null])) };
  });
}
