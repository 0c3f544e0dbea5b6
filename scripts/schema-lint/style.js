// @ts-check
// The ESLint configuration of the API style: @graphql-eslint's schema rules plus the hub's own (./rules), each
// committed schema file parsed against itself. The options the hub's rules need are read from the files they
// describe: entities and their keys from the supergraph, justified exceptions from schema/CONVENTIONS.md.
const fs = require('fs');
const path = require('path');

/** Entity types and their key fields, from the supergraph's @join__type directives (the API schema has none). */
function supergraphEntities(root) {
  const text = fs.readFileSync(path.join(root, 'schema/supergraph.graphql'), 'utf8');
  /** @type {Record<string, string[]>} */
  const entities = {};
  for (const match of text.matchAll(/^(?:type|interface) (\w+)([^{]*)\{/gm)) {
    for (const key of match[2].matchAll(/@join__type\([^)]*key: "([^"]+)"/g)) {
      entities[match[1]] = [...new Set([...(entities[match[1]] ?? []), ...key[1].split(/[\s{}]+/).filter(Boolean)])];
    }
  }
  return entities;
}

/**
 * The justified exceptions of schema/CONVENTIONS.md: under a heading that names a rule (`hub/bounded-lists`), each
 * table row whose first cell is a `Type.field` exempts that field from the rule, and its second cell says why.
 * @returns {Record<string, string[]>} rule name → exempted `Type.field`s
 */
function justifiedExceptions(root) {
  const text = fs.readFileSync(path.join(root, 'schema/CONVENTIONS.md'), 'utf8');
  /** @type {Record<string, string[]>} */
  const exceptions = {};
  for (const section of text.split(/^(?=#+ )/m)) {
    const rule = /^#+ .*`hub\/([\w-]+)`/.exec(section)?.[1];
    if (!rule) continue;
    exceptions[rule] = [...section.matchAll(/^\| `(\w+\.\w+)` \|[^|]*\w[^|]*\|/gm)].map((m) => m[1]);
  }
  return exceptions;
}

/** The entities all agencies share (CONVENTIONS §1's table): each of their fields may come from another agency. */
function sharedEntities(root) {
  const text = fs.readFileSync(path.join(root, 'schema/CONVENTIONS.md'), 'utf8');
  const section = text.split(/^## 1\. /m)[1]?.split(/^## /m)[0] ?? '';
  return [...section.matchAll(/^\| `(\w+)` \|/gm)].map((m) => m[1]);
}

/** Mutations that create a record: a client that retries one after a lost answer must not make it twice. */
const CREATING_VERBS = ['add', 'apply', 'enrol', 'give', 'load', 'place', 'record', 'register', 'report', 'send', 'start', 'submit'];

/** One word per state across agencies (CONVENTIONS §7.7). */
const SYNONYMS = { COMPLETED: 'DONE', FINISHED: 'DONE', POSTAL_LETTER: 'POST', CANCELED: 'CANCELLED' };

/**
 * @param {string[]} files schema files, relative to root
 * @param {{ graphql: any, hubSchema: any, root: string }} deps
 */
function schemaStyle(files, { graphql, hubSchema, root }) {
  const entities = supergraphEntities(root);
  const justified = justifiedExceptions(root);
  // One graphql-config for all files (the plugin keeps the first one it sees), one project per file, so each
  // subgraph's schema is checked against itself and not against its neighbours'. Paths are relative to the working
  // directory, where graphql-config resolves them: lint runs from the repository's root (npm run lint).
  const graphQLConfig = { projects: Object.fromEntries(files.map((file) => [file, { schema: file }])) };
  return files.map((file) => ({
    files: [file],
    languageOptions: { parser: graphql.parser, parserOptions: { graphQLConfig } },
    plugins: { '@graphql-eslint': graphql, hub: hubSchema },
    rules: {
      ...graphql.configs['flat/schema-recommended'].rules,
      ...graphql.configs['flat/schema-relay'].rules,
      '@graphql-eslint/relay-arguments': ['error', { includeBoth: false }],
      '@graphql-eslint/relay-edge-types': ['error', { listTypeCanWrapOnlyEdgeType: false, shouldImplementNode: false }],
      '@graphql-eslint/require-description': [
        'error',
        {
          types: true,
          rootField: true,
          FieldDefinition: true,
          InputValueDefinition: true,
          EnumValueDefinition: true,
          DirectiveDefinition: true,
        },
      ],
      // Value types (a route alert, a capacity row) have no identity of their own; records implement Node (§7.4).
      '@graphql-eslint/strict-id-in-types': 'off',
      '@graphql-eslint/no-scalar-result-type-on-mutation': 'error',
      // Root queries are nullable by hub/refusable-nullable; a mutation's payload is non-null (§7.6), which this rule would refuse.
      '@graphql-eslint/require-nullable-result-in-root': 'off',
      '@graphql-eslint/input-name': ['error', { checkInputType: true, caseSensitiveInputType: false }],
      'hub/refusable-nullable': ['error', { entities, shared: sharedEntities(root), justified: justified['refusable-nullable'] }],
      'hub/temporal-names': [
        'error',
        { dateScalars: ['LocalDate'], instantScalars: ['DateTimeISO'], justified: justified['temporal-names'] },
      ],
      'hub/id-has-edge': ['error', { justified: justified['id-has-edge'] }],
      'hub/bounded-lists': ['error', { justified: justified['bounded-lists'] }],
      'hub/mutation-payload': ['error', { creatingVerbs: CREATING_VERBS }],
      'hub/enum-vocabulary': ['error', { synonyms: SYNONYMS }],
    },
  }));
}

module.exports = { schemaStyle, supergraphEntities, sharedEntities, justifiedExceptions, CREATING_VERBS, SYNONYMS };
