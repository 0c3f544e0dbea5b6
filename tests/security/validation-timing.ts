/**
 * Times the gateway's validation of the worst accepted documents in a plain Node process, as the gateway runs:
 * inside Jest's sandbox graphql-js runs several times slower (measured 300-600 ms against 25-45 ms for the same
 * document under the same load), which would measure Jest rather than the gateway.
 * Prints `{ "<document>": { "ms": best of five, "errors": n } }` as JSON. Run by tests/security/query-size.test.ts.
 */
import fs from 'node:fs';
import path from 'node:path';
import { buildSchema, parse, specifiedRules, validate } from 'graphql';
import { DEFAULT_LIMITS, limitRules } from '../../gateway/limits';
import { WORST_ACCEPTED } from './query-shapes';

const schemaDir = path.resolve(__dirname, '..', '..', 'schema');
// The schema the gateway validates against: the committed API schema (the assembly subgraph's fields included).
const schema = buildSchema(fs.readFileSync(path.join(schemaDir, 'api.graphql'), 'utf8'));
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
