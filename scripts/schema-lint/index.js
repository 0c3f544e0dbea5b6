// @ts-check
// The hub's own schema rules, run by ESLint beside @graphql-eslint's over every subgraph schema and the API schema
// (eslint.config.js). What each rule asks is written in schema/CONVENTIONS.md §7.
module.exports = {
  meta: { name: 'hub-schema' },
  rules: {
    'refusable-nullable': require('./rules/refusable-nullable'),
    'temporal-names': require('./rules/temporal-names'),
    'id-has-edge': require('./rules/id-has-edge'),
    'bounded-lists': require('./rules/bounded-lists'),
    'mutation-payload': require('./rules/mutation-payload'),
    'enum-vocabulary': require('./rules/enum-vocabulary'),
  },
};
