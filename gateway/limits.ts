import { costLimitRule } from '@escape.tech/graphql-armor-cost-limit';
import { maxAliasesRule } from '@escape.tech/graphql-armor-max-aliases';
import { maxDepthRule } from '@escape.tech/graphql-armor-max-depth';
import { GraphQLError, type ValidationContext, type ValidationRule } from 'graphql';

export interface QueryLimits {
  maxDepth: number;
  maxAliases: number;
  maxCost: number;
}

export const DEFAULT_LIMITS: QueryLimits = { maxDepth: 12, maxAliases: 30, maxCost: 20000 };

/** Re-reports a rejection with a stable code (Apollo files it under GRAPHQL_VALIDATION_FAILED; `limit` keeps ours), so clients can tell "too deep" from "too costly". */
const coded = (code: string) => [
  (context: ValidationContext | null, error: GraphQLError) =>
    context?.reportError(new GraphQLError(error.message, { extensions: { code, limit: code } })),
];

/**
 * Abuse limits checked before any subgraph is called: a refused query executes nothing.
 * (The route and map queries of the hub stay well inside them; see tests/security.)
 */
export function limitRules(limits: QueryLimits): ValidationRule[] {
  return [
    maxDepthRule({ n: limits.maxDepth, ignoreIntrospection: true, propagateOnRejection: false, onReject: coded('QUERY_TOO_DEEP') }),
    maxAliasesRule({ n: limits.maxAliases, propagateOnRejection: false, onReject: coded('TOO_MANY_ALIASES') }),
    costLimitRule({ maxCost: limits.maxCost, propagateOnRejection: false, onReject: coded('QUERY_TOO_COSTLY') }),
  ] as ValidationRule[];
}
