/**
 * Writes every subgraph's SDL (the generated assembly subgraph's included), the composed supergraph and its API schema to schema/ (committed): the gateway
 * serves that file, and a test fails when it no longer matches what the subgraphs compose to.
 */
import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraphFromModules } from '../subgraphs/assembly/composition';
import { SUBGRAPH_MODULES } from './lib/subgraphs';

async function main() {
  const { supergraphSdl, apiSchemaSdl, subgraphSdls } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  const dir = path.resolve(__dirname, '..', 'schema');
  fs.mkdirSync(path.join(dir, 'subgraphs'), { recursive: true });
  for (const [name, sdl] of Object.entries(subgraphSdls)) fs.writeFileSync(path.join(dir, 'subgraphs', `${name}.graphql`), sdl);
  fs.writeFileSync(path.join(dir, 'supergraph.graphql'), supergraphSdl);
  fs.writeFileSync(path.join(dir, 'api.graphql'), apiSchemaSdl);
  console.log(`composed ${Object.keys(subgraphSdls).length} subgraphs into schema/supergraph.graphql`);
}

main().catch((error) => {
  console.error(error.message ?? error);
  process.exit(1);
});
