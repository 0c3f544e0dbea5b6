import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { lexicographicSortSchema, parse, printSchema } from 'graphql';
import { ASSEMBLY, buildAssembly, type Assembly } from '../../subgraphs/assembly/assembly-schema';
import { buildSubgraphSchema, type SubgraphModule } from '../../subgraphs/kit/platform/subgraph';
import { DEFAULT_PORTS } from './subgraphs';

/** The URL a subgraph has in the committed supergraph; the gateway overrides it at run time. */
export const composedUrl = (name: string) => `http://localhost:${DEFAULT_PORTS[name] ?? 4100}/graphql`;

export interface Composition {
  supergraphSdl: string;
  /** What clients see: the supergraph's API schema, as any federation router serves it. */
  apiSchemaSdl: string;
  /** Every subgraph's SDL, the assembly subgraph's included. */
  subgraphSdls: Record<string, string>;
  /** The assembly subgraph generated for these agencies. */
  assembly: Assembly;
}

function compose(sdls: Record<string, string>) {
  const result = composeServices(Object.entries(sdls).map(([name, sdl]) => ({ name, url: composedUrl(name), typeDefs: parse(sdl) })));
  if (result.errors?.length || !result.schema || !result.supergraphSdl) {
    throw new Error(`composition failed:\n${(result.errors ?? []).map((e) => `- ${e.message}`).join('\n')}`);
  }
  return { schema: result.schema, supergraphSdl: result.supergraphSdl };
}

/**
 * Composes the agencies' subgraphs with the assembly subgraph generated from their contributions: first the
 * agencies' schemas are read for tagged contributions, then the assembly's `@requires` are written for them.
 */
export async function composeSupergraphFromAgencySdls(agencySdls: Record<string, string>): Promise<Composition> {
  const assembly = buildAssembly(agencySdls);
  const subgraphSdls = { ...agencySdls, [ASSEMBLY]: assembly.sdl };
  const result = compose(subgraphSdls);
  const apiSchemaSdl = printSchema(lexicographicSortSchema(result.schema.toAPISchema().toGraphQLJSSchema())) + '\n';
  return { supergraphSdl: result.supergraphSdl, apiSchemaSdl, subgraphSdls, assembly };
}

export async function composeSupergraphFromModules(modules: SubgraphModule[]): Promise<Composition> {
  const agencySdls: Record<string, string> = {};
  for (const module of modules) agencySdls[module.name] = printSubgraphSchema(await buildSubgraphSchema(module)) + '\n';
  return composeSupergraphFromAgencySdls(agencySdls);
}
