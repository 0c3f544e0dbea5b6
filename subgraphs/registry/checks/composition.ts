import type { GraphQLError } from 'graphql';

/** One error of the composer, with where it points when its nodes say so. */
export interface CompositionProblem {
  subgraph: string | null;
  type: string | null;
  field: string | null;
  message: string;
}

/** `[culture] Person.cultureRoute: …` or `… field "Person.cultureRoute" …`: the composer names coordinates in its text. */
const COORDINATE = /\b([A-Z][A-Za-z0-9_]*)\.([a-z_][A-Za-z0-9_]*)\b/;
const SUBGRAPH_PREFIX = /^\[([a-z][a-z0-9-]*)\]/;

/**
 * The composer's errors as problems a partner can act on: the subgraph from the error's AST nodes (the composition
 * parses each SDL as a source named after its subgraph) or from the `[name]` prefix of its message, the type and field
 * from the first schema coordinate it names.
 */
export function compositionProblems(errors: readonly GraphQLError[]): CompositionProblem[] {
  return errors.map((error) => {
    const sources = (error.nodes ?? []).map((n) => n.loc?.source.name).filter((n): n is string => !!n && n !== 'GraphQL request');
    const subgraph = sources[0] ?? SUBGRAPH_PREFIX.exec(error.message)?.[1] ?? null;
    const coordinate = COORDINATE.exec(error.message);
    const typeNode = (error.nodes ?? []).find((n) => 'name' in n && n.kind.endsWith('TypeDefinition'));
    const type = coordinate?.[1] ?? (typeNode && 'name' in typeNode ? (typeNode.name?.value ?? null) : null);
    return { subgraph, type, field: coordinate?.[2] ?? null, message: error.message };
  });
}
