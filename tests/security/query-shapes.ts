import { getIntrospectionQuery } from 'graphql';
import { DEFAULT_LIMITS } from '../../gateway/limits';

/** Documents at the edges of the gateway's document budget (gateway/document-budget.ts), for the query-size tests. */
export const repeat = (n: number, text: string) => Array.from({ length: n }, () => text).join(' ');

const { maxFields, maxSelections, maxDirectives, maxFragments } = DEFAULT_LIMITS;
/** n × n repeated nested fields (plus their leaves) fill the field budget: the costliest shape for graphql-js's overlap check. */
export const side = Math.floor(Math.sqrt(maxFields / 2));

/** The documents that come closest to each bound while staying inside all of them. */
export const WORST_ACCEPTED: Record<string, string> = {
  [`${side} x ${side} repeated nested fields (${side + 2 * side * side} fields)`]: `{ ${repeat(side, `organizations { ${repeat(side, 'territory { oktmo }')} }`)} }`,
  [`${maxSelections} repeated root fields`]: `{ ${repeat(maxSelections, 'territories { oktmo }')} }`,
  'two fragments of repeated root fields': `{ ...A ...B } fragment A on Query { ${repeat(maxSelections / 2, 'territories { oktmo }')} } fragment B on Query { ${repeat(maxSelections / 2, 'territories { oktmo }')} }`,
  "GraphiQL's introspection query": getIntrospectionQuery({
    descriptions: true,
    specifiedByUrl: true,
    directiveIsRepeatable: true,
    schemaDescription: true,
    inputValueDeprecation: true,
  }),
};

/** Issue 12 §5: `territories { oktmo }` × 4000, 88 KB, held the gateway for 57 s of CPU. */
export const ISSUE_QUERY = `{ ${repeat(4000, 'territories { oktmo }')} }`;

/** [bound, description, document] for each bound of the budget, each just over it. */
export const OVER_BUDGET: [string, string, string][] = [
  [
    'fields',
    `${side + 1} x ${side} repeated nested fields`,
    `{ ${repeat(side + 1, `organizations { ${repeat(side, 'territory { oktmo }')} }`)} }`,
  ],
  [
    'fields',
    'a fragment bomb (10 fragments, each spreading the next twice: 1024 fields)',
    `{ ...F0 } ${Array.from({ length: 10 }, (_, i) => `fragment F${i} on Query { ${i === 9 ? 'territories { oktmo }' : `...F${i + 1} ...F${i + 1}`} }`).join(' ')}`,
  ],
  ['selections', `${maxSelections + 1} selections in one set`, `{ ${repeat(maxSelections + 1, '__typename')} }`],
  [
    'selections',
    `${maxSelections + 2} selections in one set through inline fragments`,
    `{ ${repeat(maxSelections / 2 + 1, '... { __typename __typename }')} }`,
  ],
  ['directives', `${maxDirectives + 1} directives`, `{ ${repeat(maxDirectives + 1, '__typename @skip(if: false)')} }`],
  ['fragments', `${maxFragments + 1} inline fragments`, `{ ${repeat(maxFragments + 1, '... on Query { __typename }')} }`],
];
