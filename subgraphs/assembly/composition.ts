import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, parse, printSchema, Source, type GraphQLError } from 'graphql';
import { buildSubgraphSchema, type SubgraphModule } from '../kit/platform/subgraph';
import { ASSEMBLY, buildAssembly, type Assembly } from './assembly-schema';
import { composedUrl } from './ports';

export { composedUrl } from './ports';

export interface Composition {
  supergraphSdl: string;
  /** What clients see: the supergraph's API schema, as any federation router serves it. */
  apiSchemaSdl: string;
  /** Every subgraph's SDL, the assembly subgraph's included. */
  subgraphSdls: Record<string, string>;
  /** The assembly subgraph generated for these agencies. */
  assembly: Assembly;
}

/** Subgraph URLs by service name; a subgraph not named keeps the URL of the committed supergraph (`composedUrl`). */
export type SubgraphUrls = Record<string, string>;

/** Why a set of subgraphs does not compose: the composer's errors, whose AST nodes name their subgraph as source. */
export class CompositionError extends Error {
  constructor(readonly errors: readonly GraphQLError[]) {
    super(`composition failed:\n${errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
}

function compose(sdls: Record<string, string>, urls: SubgraphUrls) {
  const result = composeServices(
    Object.entries(sdls).map(([name, sdl]) => ({
      name,
      url: urls[name] ?? composedUrl(name),
      // The source's name is the subgraph's: a composition error's nodes then say which subgraph they come from.
      typeDefs: parse(new Source(sdl, name)),
    })),
  );
  if (result.errors?.length || !result.schema || !result.supergraphSdl) throw new CompositionError(result.errors ?? []);
  return { schema: result.schema, supergraphSdl: result.supergraphSdl };
}

/**
 * Composes the agencies' subgraphs with the assembly subgraph generated from their contributions: first the
 * agencies' schemas are read for tagged contributions, then the assembly's `@requires` are written for them.
 * Throws CompositionError when the subgraphs do not compose.
 */
export async function composeSupergraphFromAgencySdls(agencySdls: Record<string, string>, urls: SubgraphUrls = {}): Promise<Composition> {
  const assembly = buildAssembly(agencySdls);
  const subgraphSdls = { ...agencySdls, [ASSEMBLY]: assembly.sdl };
  const result = compose(subgraphSdls, urls);
  const apiSchemaSdl = printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema())) + '\n';
  return { supergraphSdl: result.supergraphSdl, apiSchemaSdl, subgraphSdls, assembly };
}

export async function composeSupergraphFromModules(modules: SubgraphModule[]): Promise<Composition> {
  const agencySdls: Record<string, string> = {};
  for (const module of modules) agencySdls[module.name] = printSubgraphSchema(await buildSubgraphSchema(module)) + '\n';
  return composeSupergraphFromAgencySdls(agencySdls);
}
