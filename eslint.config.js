// The maintainer's lint: typescript-eslint's recommended rules plus the type-aware ones that catch what
// SWC's type stripping lets through — promises nobody awaits, promises passed where a callback is expected.
const fs = require('fs');
const path = require('path');
const js = require('@eslint/js');
const tseslint = require('typescript-eslint');
const graphql = require('@graphql-eslint/eslint-plugin');
const hubSchema = require('./scripts/schema-lint');
const { schemaStyle } = require('./scripts/schema-lint/style');

module.exports = tseslint.config(
  { ignores: ['node_modules/**', '.hub/**', 'coverage/**', '**/*.js', 'console/dist/**', 'console/src/gql/**'] },
  ...[js.configs.recommended, ...tseslint.configs.recommended].map((config) => ({ ...config, files: ['**/*.ts'] })),
  {
    files: ['**/*.ts'],
    ignores: ['schema/**'],
    languageOptions: {
      parserOptions: { projectService: true, tsconfigRootDir: __dirname },
    },
    rules: {
      '@typescript-eslint/no-floating-promises': 'error',
      '@typescript-eslint/no-misused-promises': 'error',
      '@typescript-eslint/await-thenable': 'error',
      '@typescript-eslint/no-unused-vars': ['error', { argsIgnorePattern: '^_', varsIgnorePattern: '^_', caughtErrors: 'none' }],
      '@typescript-eslint/no-unused-expressions': 'error',
      'no-constant-condition': ['error', { checkLoops: false }],
    },
  },
  {
    // A partner's package copies out of this repository: it may import the kit package and libraries, never the hub's folders.
    files: ['examples/**/*.ts'],
    rules: {
      'no-restricted-imports': [
        'error',
        {
          patterns: [
            {
              group: ['**/subgraphs/**', '**/gateway/**', '**/scripts/**', '**/tests/**', '**/bench/**', '**/packages/**', '**/console/**'],
              message: 'An example partner imports the hub only through @federation-hub/partner-kit.',
            },
          ],
        },
      ],
    },
  },
  {
    // Tests read GraphQL answers, which are untyped JSON; `any` there is the honest type.
    files: ['tests/**/*.ts'],
    rules: { '@typescript-eslint/no-explicit-any': 'off' },
  },
  // The API style (schema/CONVENTIONS.md §7), held over every subgraph's schema and the client-facing API schema:
  // each committed file is linted against itself, so a partner's subgraph meets the same rules before it joins.
  ...schemaStyle(
    fs
      .readdirSync(path.join(__dirname, 'schema/subgraphs'))
      .map((f) => `schema/subgraphs/${f}`)
      .concat('schema/api.graphql'),
    {
      graphql,
      hubSchema,
      root: __dirname,
    },
  ),
);
