import type { ApolloGateway } from '@apollo/gateway';
import { extendSchema, GraphQLError, parse, type GraphQLSchema, type OperationDefinitionNode } from 'graphql';
import { assembleResult, rewriteOperation, rootExpansionOf, type VirtualField } from './virtual-fields';

/** What the hub adds to the composed API schema, and how each added field is assembled. */
export interface HubExtension {
  sdl: string;
  fields: VirtualField[];
}

// Apollo Gateway's own types for what it loads and executes, so the delegation cannot drift from its interface.
type GatewayLoad = ApolloGateway['load'];
type Executor = Awaited<ReturnType<GatewayLoad>>['executor'];
type RequestContext = Parameters<Executor>[0];
type ExecutionResult = Awaited<ReturnType<Executor>>;

/**
 * Apollo Gateway plus the hub's convention fields (`Family.route`, `Person.accessLog`,
 * `Territory.resourceMap`). It implements Apollo Server's gateway interface by delegation:
 * plain operations go to the gateway untouched; operations that select a convention field
 * are rewritten into ordinary federated operations and their results merged back.
 */
export class HubGateway {
  private apiSchema?: GraphQLSchema;

  constructor(
    private readonly inner: ApolloGateway,
    private readonly buildExtension: (supergraphSdl: string) => HubExtension,
  ) {}

  private extension?: HubExtension;

  private extend(schema: GraphQLSchema, supergraphSdl: string): GraphQLSchema {
    this.extension = this.buildExtension(supergraphSdl);
    this.rewrites.clear();
    this.apiSchema = extendSchema(schema, parse(this.extension.sdl));
    return this.apiSchema;
  }

  async load(options: Parameters<GatewayLoad>[0]): Promise<{ schema: GraphQLSchema; executor: Executor }> {
    let supergraphSdl = '';
    const unsubscribe = this.inner.onSchemaLoadOrUpdate((state) => {
      supergraphSdl = state.coreSupergraphSdl;
    });
    const { schema, executor } = await this.inner.load(options);
    unsubscribe();
    const extended = this.extend(schema, supergraphSdl);
    return { schema: extended, executor: (requestContext) => this.execute(requestContext, executor) };
  }

  onSchemaLoadOrUpdate(callback: (state: { apiSchema: GraphQLSchema; coreSupergraphSdl: string }) => void): () => void {
    return this.inner.onSchemaLoadOrUpdate((state) =>
      callback({ apiSchema: this.extend(state.apiSchema, state.coreSupergraphSdl), coreSupergraphSdl: state.coreSupergraphSdl }),
    );
  }

  stop(): Promise<void> {
    return this.inner.stop();
  }

  /** Rewrites depend only on the operation text, so repeated operations (every client's route query) reuse theirs. */
  private readonly rewrites = new Map<string, ReturnType<typeof rewriteOperation>>();

  private rewrite(requestContext: RequestContext): ReturnType<typeof rewriteOperation> {
    // Fields that hold reference data of their own fetch it only when it is stale: a variant of the rewrite each.
    const variant = this.extension!.fields.map((f) => (typeof f.rootExpansion === 'function' ? (rootExpansionOf(f) ?? '') : '')).join('|');
    const key = `${requestContext.queryHash}:${requestContext.operationName ?? ''}:${variant}`;
    if (this.rewrites.has(key)) return this.rewrites.get(key)!;
    const rewritten = rewriteOperation(requestContext.document, this.apiSchema!, this.extension!.fields);
    if (this.rewrites.size >= 1000) this.rewrites.delete(this.rewrites.keys().next().value as string);
    this.rewrites.set(key, rewritten);
    return rewritten;
  }

  private async execute(requestContext: RequestContext, executor: Executor): Promise<ExecutionResult> {
    if (!this.apiSchema || !this.extension) return executor(requestContext);
    const rewritten = this.rewrite(requestContext);
    if (!rewritten) return executor(requestContext);
    const operation = rewritten.document.definitions.find(
      (d): d is OperationDefinitionNode =>
        d.kind === 'OperationDefinition' && (!requestContext.operationName || d.name?.value === requestContext.operationName),
    );
    // The rewrite keeps every operation and its name; a miss would be a bug in rewriteOperation, not the client's.
    if (!operation) throw new Error('the rewritten document lost the requested operation');
    const response = await executor({
      ...requestContext,
      document: rewritten.document,
      source: rewritten.source,
      queryHash: rewritten.queryHash,
      operation,
    });
    const { data, errors } = assembleResult(rewritten, requestContext.document, response.data, response.errors);
    // Apollo Server formats only GraphQLError instances; errors made while assembling are plain objects.
    const graphQLErrors = errors?.map((e) =>
      e instanceof GraphQLError ? e : new GraphQLError(e.message, { path: e.path, extensions: e.extensions }),
    );
    return { ...response, data, errors: graphQLErrors };
  }
}
