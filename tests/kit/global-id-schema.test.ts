import { buildSubgraphSchema } from '@apollo/subgraph';
import { graphql, parse } from 'graphql';
import { guardArguments } from '../../subgraphs/kit/platform/argument-guard';
import { applyGlobalIds, globalId } from '../../subgraphs/kit/platform/global-id';

/**
 * The kit's global ids on a whole subgraph schema, wired as buildFederatedSchema wires them (guardArguments, then
 * applyGlobalIds): resolvers see uuids only, the API sees `<Type>:<uuid>` only (schema/CONVENTIONS.md §7.4).
 */
const FAMILY = '7a2d3b20-0000-4000-8000-000000000001';
const PERSON = '4c1f2e30-0000-4000-8000-000000000001';
const ORGANIZATION = '9e8d7c60-0000-4000-8000-000000000001';

const seen: Record<string, unknown>[] = [];
const schema = applyGlobalIds(
  guardArguments(
    buildSubgraphSchema({
      typeDefs: parse(`
        extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key"])
        type Family @key(fields: "id") { id: ID! operatorOrganizationId: ID memberPersonIds: [ID!]! }
        type Person @key(fields: "id") { id: ID! familyId: ID }
        input MovePersonInput { personId: ID! familyId: ID! }
        type Query { family(id: ID!): Family }
        type Mutation { movePerson(input: MovePersonInput!): Person }
      `),
      resolvers: {
        Query: {
          family: (_: unknown, args: { id: string }) => {
            seen.push(args);
            return { id: args.id, operatorOrganizationId: ORGANIZATION, memberPersonIds: [PERSON] };
          },
        },
        Mutation: {
          movePerson: (_: unknown, args: { input: { personId: string; familyId: string } }) => {
            seen.push(args.input);
            return { id: args.input.personId, familyId: args.input.familyId };
          },
        },
        Person: {
          __resolveReference: (reference: { id: string }) => {
            seen.push(reference);
            return { id: reference.id, familyId: FAMILY };
          },
        },
      } as never,
    }),
  ),
);

const run = async (source: string, variableValues?: Record<string, unknown>) => {
  seen.length = 0;
  return graphql({ schema, source, variableValues, contextValue: {} });
};

test('a query argument reaches the resolver as the uuid, and every id of the answer leaves as a global id', async () => {
  const result = await run(`query($id: ID!) { family(id: $id) { id operatorOrganizationId memberPersonIds } }`, {
    id: globalId('Family', FAMILY),
  });
  expect(result.errors).toBeUndefined();
  expect(seen).toEqual([{ id: FAMILY }]);
  expect(result.data?.family).toEqual({
    id: globalId('Family', FAMILY),
    operatorOrganizationId: globalId('Organization', ORGANIZATION),
    memberPersonIds: [globalId('Person', PERSON)],
  });
});

test('input fields are decoded by the type their name says, and a global id of another type is refused before the resolver', async () => {
  const moved = await run(`mutation($input: MovePersonInput!) { movePerson(input: $input) { id familyId } }`, {
    input: { personId: globalId('Person', PERSON), familyId: globalId('Family', FAMILY) },
  });
  expect(moved.errors).toBeUndefined();
  expect(seen).toEqual([{ personId: PERSON, familyId: FAMILY }]);
  expect(moved.data?.movePerson).toEqual({ id: globalId('Person', PERSON), familyId: globalId('Family', FAMILY) });

  const swapped = await run(`mutation($input: MovePersonInput!) { movePerson(input: $input) { id } }`, {
    input: { personId: globalId('Family', FAMILY), familyId: globalId('Family', FAMILY) },
  });
  expect(seen).toEqual([]);
  expect(swapped.errors?.map((e) => [e.extensions?.code, e.extensions?.argument, e.message])).toEqual([
    ['BAD_USER_INPUT', 'input.personId', 'input.personId is an id of a Family, not of a Person'],
  ]);
});

test('a bare uuid in an argument is refused with BAD_USER_INPUT naming the argument', async () => {
  const result = await run(`{ family(id: "${FAMILY}") { id } }`);
  expect(seen).toEqual([]);
  expect(result.errors?.map((e) => [e.extensions?.code, e.extensions?.argument, e.message])).toEqual([
    ['BAD_USER_INPUT', 'id', 'id is not an id of the hub'],
  ]);
});

test("an entity representation's global id reaches the reference resolver as the uuid", async () => {
  const result = await run(`query($r: [_Any!]!) { _entities(representations: $r) { ... on Person { id familyId } } }`, {
    r: [{ __typename: 'Person', id: globalId('Person', PERSON) }],
  });
  expect(result.errors).toBeUndefined();
  expect(seen).toEqual([{ __typename: 'Person', id: PERSON }]);
  expect(result.data?._entities).toEqual([{ id: globalId('Person', PERSON), familyId: globalId('Family', FAMILY) }]);
});
