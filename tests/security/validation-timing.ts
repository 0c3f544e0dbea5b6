/**
 * Times the gateway's validation of the worst accepted documents in a plain Node process, as the gateway runs:
 * inside Jest's sandbox graphql-js runs several times slower (measured 300-600 ms against 25-45 ms for the same
 * document under the same load), which would measure Jest rather than the gateway.
 * Prints `{ "<document>": { "ms": best of five, "errors": n } }` as JSON. Run by tests/security/query-size.test.ts.
 */
import { composeServices } from '@apollo/composition';
import fs from 'node:fs';
import path from 'node:path';
import { extendSchema, parse, specifiedRules, validate } from 'graphql';
import { hubExtension } from '../../gateway/hub-fields/extensions';
import { DEFAULT_LIMITS, limitRules } from '../../gateway/limits';
import { WORST_ACCEPTED } from './query-shapes';

const schemaDir = path.resolve(__dirname, '..', '..', 'schema');
const subgraphs = fs.readdirSync(path.join(schemaDir, 'subgraphs')).map((file) => ({
  name: path.basename(file, '.graphql'),
  typeDefs: parse(fs.readFileSync(path.join(schemaDir, 'subgraphs', file), 'utf8')),
}));
const supergraphSdl = fs.readFileSync(path.join(schemaDir, 'supergraph.graphql'), 'utf8');
// The schema the gateway validates against: the API schema plus the hub's convention fields.
const schema = extendSchema(composeServices(subgraphs).schema!.toAPISchema().toGraphQLJSSchema(), parse(hubExtension(supergraphSdl).sdl));
const rules = [...specifiedRules, ...limitRules(DEFAULT_LIMITS)];

const figures: Record<string, { ms: number; errors: number }> = {};
for (const [name, query] of Object.entries(WORST_ACCEPTED)) {
  const document = parse(query, { maxTokens: DEFAULT_LIMITS.maxTokens });
  let ms = Infinity;
  let errors = 0;
  for (let i = 0; i < 5; i++) {
    const started = performance.now();
    errors = validate(schema, document, rules).length;
    ms = Math.min(ms, performance.now() - started);
  }
  figures[name] = { ms: Math.round(ms * 10) / 10, errors };
}
process.stdout.write(JSON.stringify(figures));
