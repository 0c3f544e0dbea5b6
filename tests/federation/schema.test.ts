import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, type GraphQLObjectType } from 'graphql';
import { composeSupergraphFromModules } from '../../subgraphs/assembly/composition';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';

const schemaDir = path.resolve(__dirname, '..', '..', 'schema');

test('the five subgraphs and the assembly compose without errors and schema/ holds exactly what they compose to today', async () => {
  const { supergraphSdl, subgraphSdls, apiSchemaSdl } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  for (const [name, sdl] of Object.entries(subgraphSdls)) {
    expect([name, fs.readFileSync(path.join(schemaDir, 'subgraphs', `${name}.graphql`), 'utf8')]).toEqual([name, sdl]);
  }
  // Run `npm run schema:compose` and commit schema/ when this fails.
  expect(fs.readFileSync(path.join(schemaDir, 'supergraph.graphql'), 'utf8')).toBe(supergraphSdl);
  expect(fs.readFileSync(path.join(schemaDir, 'api.graphql'), 'utf8')).toBe(apiSchemaSdl);
});

test("the client-facing API schema documents the hub's own fields, so any router and GraphiQL show them", () => {
  const api = buildSchema(fs.readFileSync(path.join(schemaDir, 'api.graphql'), 'utf8'));
  const field = (type: string, name: string) => (api.getType(type) as GraphQLObjectType).getFields()[name];
  for (const [type, name] of [
    ['Family', 'route'],
    ['Person', 'accessLog'],
    ['Territory', 'resourceMap'],
    ['Query', 'statistics'],
  ]) {
    expect([type, name, field(type, name)?.description]).toEqual([type, name, expect.stringMatching(/\w+ \w+/)]);
  }
  // The contributions the assembly reads are plumbing of the supergraph, but they stay ordinary fields an agency's client may read.
  expect(field('Person', 'healthRoute')).toBeDefined();
});

test('every subgraph serves person and family keys the way the hub agreed', async () => {
  const { subgraphSdls } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  expect(subgraphSdls['social-protection']).toMatch(/type Person[\s\S]*@key\(fields: "id"\)[\s\S]*@key\(fields: "snils"\)/);
  for (const name of ['health', 'education', 'employment', 'rental-fund']) {
    expect([name, subgraphSdls[name]]).toEqual([name, expect.stringMatching(/type Person\s+@key\(fields: "id"\)/)]);
  }
});
