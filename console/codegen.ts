import type { CodegenConfig } from '@graphql-codegen/cli';

/** Typed documents of the console, generated from the committed API schema (client preset: `graphql()` is typed). */
const config: CodegenConfig = {
  schema: 'schema/api.graphql',
  documents: ['console/src/**/*.tsx', 'console/src/**/*.ts', '!console/src/gql/**'],
  ignoreNoDocuments: false,
  generates: {
    'console/src/gql/': {
      preset: 'client',
      presetConfig: { fragmentMasking: false },
      config: {
        useTypeImports: true,
        enumsAsTypes: true,
        scalars: { LocalDate: 'string', DateTimeISO: 'string', ID: 'string' },
        documentMode: 'string',
      },
    },
  },
  silent: true,
};
export default config;
