import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';
import { documentBudgetRule, type DocumentBudget } from './document-budget';

export interface QueryLimits extends DocumentBudget {
  /** Lexical tokens of the document: graphql-js stops parsing past them, before anything else is done. */
  maxTokens: number;
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

/**
 * The hub's largest queries stay far inside: a family route is ~65 tokens and 32 fields, GraphiQL's
 * introspection (development) ~185 tokens and 230 fields. At these bounds the slowest document to
 * validate takes some 15 ms (tests/security/query-size.test.ts prints the figures).
 */
export const DEFAULT_LIMITS: QueryLimits = {
  maxTokens: 1000,
  maxFields: 300,
  maxSelections: 100,
  maxDirectives: 20,
  maxFragments: 20,
  maxDepth: 12,
  maxAliases: 30,
  maxCost: 20000,
};

/** Re-reports a rejection with a stable code (Apollo files it under GRAPHQL_VALIDATION_FAILED; `limit` keeps ours), so clients can tell "too deep" from "too costly". */
const coded = (code: string) => [
  (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(error.message, { extensions: { code, limit: code } })),
];

/**
 * Abuse limits checked before any subgraph is called: a refused query executes nothing.
 * The document budget comes first and, when exceeded, ends validation before any other rule walks the document.
 * (The route and map queries of the hub stay well inside them; see tests/security.)
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    documentBudgetRule(limits),
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: coded('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: coded('TOO_MANY_ALIASES') }),
    costLimitRule({ maxCost: limits.maxCost, propagateOnRejection: false, onReject: coded('QUERY_TOO_COSTLY') }),
  ] as ValidationRule[];
}
