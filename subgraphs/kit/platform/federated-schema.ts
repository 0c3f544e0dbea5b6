import { buildSubgraphSchema } from '@apollo/subgraph';
import type { GraphQLResolverMap } from '@apollo/subgraph/dist/schema-helper';
import { printSchemaWithDirectives } from '@graphql-tools/utils';
import { Kind, parse, type DocumentNode, type GraphQLSchema } from 'graphql';
import { buildSchema, createResolversMap, type BuildSchemaOptions } from 'type-graphql';
import { guardArguments } from './argument-guard';
import { applyGlobalIds } from './global-id';

/** The federation features every hub subgraph may use; one link for all keeps composition predictable. */
const FEDERATION_LINK = `
  extend schema
    @link(
      url: "https://specs.apollo.dev/federation/v2.5"
      import: ["@key", "@shareable", "@external", "@requires", "@provides", "@tag", "@inaccessible", "@override"]
    )
`;

// eslint-disable-next-line @typescript-eslint/no-explicit-any
export type ReferenceResolvers = Record<string, { __resolveReference: (reference: any, context: any) => unknown }>;

/**
 * type-graphql classes → an Apollo Federation 2 subgraph schema. The same helper builds all
 * five subgraphs (and a partner's), so the federation link and directives never drift apart.
 */
export async function buildFederatedSchema(
  options: Omit<BuildSchemaOptions, 'skipCheck'>,
  referenceResolvers: ReferenceResolvers = {},
): Promise<GraphQLSchema> {
  const schema = await buildSchema({ ...options, skipCheck: true, validate: false });
  const resolvers = createResolversMap(schema) as GraphQLResolverMap<unknown>;
  for (const [typeName, reference] of Object.entries(referenceResolvers)) {
    resolvers[typeName] = { ...(resolvers[typeName] as object), ...reference } as never;
  }
  return applyGlobalIds(
    guardArguments(
      buildSubgraphSchema({
        typeDefs: describeRootTypes(parse(`${FEDERATION_LINK}\n${printSchemaWithDirectives(schema)}`)),
        resolvers,
      }),
    ),
  );
}

/** type-graphql cannot describe the root types; every subgraph's are described the same way here (schema style §7.1). */
const ROOT_DESCRIPTIONS: Record<string, string> = {
  Query: 'What the hub can be asked. Every answer is decided by the agency that holds the data, for the signed-in caller.',
  Mutation: 'The changes the hub accepts. Each answers a payload with the changed records and the expected refusals as `userErrors`.',
};

function describeRootTypes(document: DocumentNode): DocumentNode {
  return {
    ...document,
    definitions: document.definitions.map((definition) =>
      definition.kind === Kind.OBJECT_TYPE_DEFINITION && ROOT_DESCRIPTIONS[definition.name.value] && !definition.description
        ? { ...definition, description: { kind: Kind.STRING, value: ROOT_DESCRIPTIONS[definition.name.value], block: true } }
        : definition,
    ),
  };
}
