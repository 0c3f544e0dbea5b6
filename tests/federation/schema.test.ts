import fs from 'node:fs';
import path from 'node:path';
import { composeSupergraphFromModules } from '../../scripts/lib/compose';
import { SUBGRAPH_MODULES } from '../../scripts/lib/subgraphs';

const schemaDir = path.resolve(__dirname, '..', '..', 'schema');

test('the five subgraphs compose without errors and schema/ holds exactly what they compose to today', async () => {
  const { supergraphSdl, subgraphSdls } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  for (const [name, sdl] of Object.entries(subgraphSdls)) {
    expect([name, fs.readFileSync(path.join(schemaDir, 'subgraphs', `${name}.graphql`), 'utf8')]).toEqual([name, sdl]);
  }
  // Run `npm run schema:compose` and commit schema/ when this fails.
  expect(fs.readFileSync(path.join(schemaDir, 'supergraph.graphql'), 'utf8')).toBe(supergraphSdl);
});

test('every subgraph serves person and family keys the way the hub agreed', async () => {
  const { subgraphSdls } = await composeSupergraphFromModules(SUBGRAPH_MODULES);
  expect(subgraphSdls['social-protection']).toMatch(/type Person[\s\S]*@key\(fields: "id"\)[\s\S]*@key\(fields: "snils"\)/);
  for (const name of ['health', 'education', 'employment', 'rental-fund']) {
    expect([name, subgraphSdls[name]]).toEqual([name, expect.stringMatching(/type Person\s+@key\(fields: "id"\)/)]);
  }
});
