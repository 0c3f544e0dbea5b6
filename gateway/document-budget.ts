import {
  GraphQLError,
  Kind,
  type DefinitionNode,
  type DocumentNode,
  type FragmentDefinitionNode,
  type SelectionSetNode,
  type ValidationRule,
  visit,
} from 'graphql';

/**
 * How big a document the gateway agrees to validate. graphql-js checks that fields can be merged
 * pairwise (OverlappingFieldsCanBeMerged): 4000 repeated root fields held the gateway for 57 s of CPU
 * (issue 12 §5). These bounds are checked first, in one pass over the document, so the largest
 * accepted document is validated in milliseconds.
 */
export interface DocumentBudget {
  /** Field selections, with every fragment spread counted as the fields it brings. */
  maxFields: number;
  /** Selections in one selection set, counted as validation sees them: inline fragments and spreads flattened in. */
  maxSelections: number;
  /** Directives written anywhere in the document. */
  maxDirectives: number;
  /** Fragment definitions and inline fragments. */
  maxFragments: number;
}

export interface DocumentSize {
  fields: number;
  selections: number;
  directives: number;
  fragments: number;
}

export const QUERY_TOO_LARGE = 'QUERY_TOO_LARGE';

/** Field selections and width of a selection set, fragments expanded; a fragment is measured once per document. */
class Measurer {
  private readonly fragments = new Map<string, FragmentDefinitionNode>();
  private readonly expanded = new Map<string, { fields: number; width: number }>();
  widest = 0;

  constructor(definitions: readonly DefinitionNode[]) {
    for (const d of definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) this.fragments.set(d.name.value, d);
  }

  measure(set: SelectionSetNode): { fields: number; width: number } {
    let fields = 0;
    let width = 0;
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        fields += 1 + (selection.selectionSet ? this.measure(selection.selectionSet).fields : 0);
        width += 1;
      } else {
        const inner = selection.kind === Kind.INLINE_FRAGMENT ? this.measure(selection.selectionSet) : this.spread(selection.name.value);
        fields += inner.fields;
        width += inner.width;
      }
    }
    this.widest = Math.max(this.widest, width);
    return { fields, width };
  }

  private spread(name: string): { fields: number; width: number } {
    const known = this.expanded.get(name);
    if (known) return known;
    const fragment = this.fragments.get(name);
    // Unknown or cyclic spreads are left to validation to report; here they bring nothing.
    this.expanded.set(name, { fields: 0, width: 0 });
    const size = fragment ? this.measure(fragment.selectionSet) : { fields: 0, width: 0 };
    this.expanded.set(name, size);
    return size;
  }
}

/** The size of a document in the terms of the budget, in time linear in the document. */
export function measureDocument(document: DocumentNode): DocumentSize {
  const measurer = new Measurer(document.definitions);
  let expandedFields = 0;
  for (const d of document.definitions) if (d.kind === Kind.OPERATION_DEFINITION) expandedFields += measurer.measure(d.selectionSet).fields;
  // Unused fragments are validated too: their written fields count even when no operation spreads them.
  let writtenFields = 0;
  let directives = 0;
  let fragments = 0;
  visit(document, {
    Field: () => void writtenFields++,
    Directive: () => void directives++,
    FragmentDefinition: () => void fragments++,
    InlineFragment: () => void fragments++,
  });
  for (const d of document.definitions) if (d.kind === Kind.FRAGMENT_DEFINITION) measurer.measure(d.selectionSet);
  return { fields: Math.max(expandedFields, writtenFields), selections: measurer.widest, directives, fragments };
}

/** The first bound a document exceeds, or null. */
export function budgetExceeded(size: DocumentSize, budget: DocumentBudget): { measure: keyof DocumentSize; max: number } | null {
  const bounds: [keyof DocumentSize, number][] = [
    ['fields', budget.maxFields],
    ['selections', budget.maxSelections],
    ['directives', budget.maxDirectives],
    ['fragments', budget.maxFragments],
  ];
  for (const [measure, max] of bounds) if (size[measure] > max) return { measure, max };
  return null;
}

const DESCRIBED: Record<keyof DocumentSize, string> = {
  fields: 'field selections (fragments expanded)',
  selections: 'selections in one selection set',
  directives: 'directives',
  fragments: 'fragments',
};

/**
 * The budget as a validation rule that runs when validation enters the document, before any rule looks at a
 * selection set. Over budget, it reports QUERY_TOO_LARGE and removes the document from the traversal (the
 * visitor's `null` edit), so no other rule — the quadratic one above all — walks it.
 */
export function documentBudgetRule(budget: DocumentBudget): ValidationRule {
  return (context) => ({
    Document(document) {
      const exceeded = budgetExceeded(measureDocument(document), budget);
      if (!exceeded) return undefined;
      context.reportError(
        new GraphQLError(`The query has more than ${exceeded.max} ${DESCRIBED[exceeded.measure]}`, {
          extensions: { code: QUERY_TOO_LARGE, limit: QUERY_TOO_LARGE, measure: exceeded.measure, max: exceeded.max },
        }),
      );
      return null;
    },
  });
}

/**
 * graphql-js stops parsing past `maxTokens` with a syntax error (GRAPHQL_PARSE_FAILED, "Document contains more
 * that N tokens"); the hub reports it as the size limit it is, with the same code as the other bounds.
 */
export function codeTokenLimit<T extends { message: string; extensions?: Record<string, unknown> }>(formatted: T, maxTokens: number): T {
  const tokenLimit =
    formatted.extensions?.code === 'GRAPHQL_PARSE_FAILED' && /Document contains more th(?:an|at) \d+ tokens/.test(formatted.message);
  if (!tokenLimit) return formatted;
  return {
    ...formatted,
    message: `The query has more than ${maxTokens} tokens`,
    extensions: { ...formatted.extensions, code: QUERY_TOO_LARGE, measure: 'tokens', max: maxTokens },
  };
}
