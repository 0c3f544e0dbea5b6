import { composeServices } from '@apollo/composition';
import { printSubgraphSchema } from '@apollo/subgraph';
import { parse } from 'graphql';
import { buildSubgraphSchema, type SubgraphModule } from '../../subgraphs/kit/subgraph';
import { DEFAULT_PORTS } from './subgraphs';

/** The URL a subgraph has in the committed supergraph; the gateway overrides it at run time. */
export const composedUrl = (name: string) => `http://localhost:${DEFAULT_PORTS[name] ?? 4100}/graphql`;

export interface Composition {
  supergraphSdl: string;
  subgraphSdls: Record<string, string>;
}

export async function composeSupergraphFromSdls(sdls: Record<string, string>): Promise<string> {
  const result = composeServices(Object.entries(sdls).map(([name, sdl]) => ({ name, url: composedUrl(name), typeDefs: parse(sdl) })));
  if (result.errors?.length) {
    throw new Error(`composition failed:\n${result.errors.map((e) => `- ${e.message}`).join('\n')}`);
  }
  return result.supergraphSdl as string;
}

export async function composeSupergraphFromModules(modules: SubgraphModule[]): Promise<Composition> {
  const subgraphSdls: Record<string, string> = {};
  for (const module of modules) subgraphSdls[module.name] = printSubgraphSchema(await buildSubgraphSchema(module)) + '\n';
  return { subgraphSdls, supergraphSdl: await composeSupergraphFromSdls(subgraphSdls) };
}
