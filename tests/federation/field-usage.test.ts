import { buildSchema, parse } from 'graphql';
import { FieldUsage, REGISTRY_AUDIENCE } from '../../gateway/field-usage';
import { schemaCoordinates } from '../../gateway/schema-coordinates';
import { IdentitySigner, IdentityVerifier } from '../../subgraphs/kit/platform/identity';
import { generateSigningKeyPair } from '../../subgraphs/kit/platform/signing-keys';
import { silentLogger } from '../support/hub';
import { startStandInRegistry, type StandInRegistry } from '../support/registry-stand-in';

/** Issue 16 §2: the gateway records which fields real operations touch, without personal data, for the registry's checks. */
const schema = buildSchema(`
  interface Node { id: ID! }
  type Person implements Node { id: ID! firstName: String lastName: String }
  type Family implements Node { id: ID! displayName: String members: [Person!]! }
  type Query { node(id: ID!): Node family(id: ID!): Family }
`);

const ROUTE = `
  query Route($id: ID!) {
    family(id: $id) { __typename ...Members name: displayName }
    node(id: "Person:0b7c2c1e-0000-4000-8000-000000000001") { id ... on Person { firstName } }
  }
  fragment Members on Family { members { ...Names } }
  fragment Names on Person { lastName ...Names }
  query Other { __typename family(id: "x") { id } }
`;

test('coordinates follow fragments and inline fragments, name fields not aliases, and leave out __typename, arguments and values', () => {
  expect(schemaCoordinates(schema, parse(ROUTE), 'Route')).toEqual([
    'Family.displayName',
    'Family.members',
    'Node.id',
    'Person.firstName',
    'Person.lastName',
    'Query.family',
    'Query.node',
  ]);
  expect(schemaCoordinates(schema, parse(ROUTE), 'Other')).toEqual(['Family.id', 'Query.family']);
  expect(schemaCoordinates(schema, parse('{ __schema { types { name } } }'))).toEqual([]);
  expect(JSON.stringify(schemaCoordinates(schema, parse(ROUTE), 'Route'))).not.toMatch(/0b7c2c1e|\$id|name:/);
});

let registry: StandInRegistry;
beforeAll(async () => {
  registry = await startStandInRegistry({ version: 1, supergraphSdl: '', agencySdls: {}, retired: [] });
});
afterAll(() => registry?.stop());
beforeEach(() => {
  registry.usage.length = 0;
  registry.usageStatus = 204;
});

const gatewayKey = generateSigningKeyPair('gateway-usage');
const usage = () => new FieldUsage({ url: registry.url }, new IdentitySigner(gatewayKey.privateJwk), silentLogger);

test("a flush sends each day's counts to the registry, signed by the gateway as itself for the registry over the exact body", async () => {
  const fields = usage();
  const document = parse(ROUTE);
  fields.record(schema, ROUTE, document, 'Route', '2026-12-03');
  fields.record(schema, ROUTE, document, 'Route', '2026-12-03');
  fields.record(schema, ROUTE, document, 'Other', '2026-12-04');
  await fields.flush();
  expect(registry.usage.map((u) => JSON.parse(u.body))).toEqual([
    {
      day: '2026-12-03',
      fields: {
        'Family.displayName': 2,
        'Family.members': 2,
        'Node.id': 2,
        'Person.firstName': 2,
        'Person.lastName': 2,
        'Query.family': 2,
        'Query.node': 2,
      },
    },
    { day: '2026-12-04', fields: { 'Family.id': 1, 'Query.family': 1 } },
  ]);
  const verifier = new IdentityVerifier(gatewayKey.jwks, REGISTRY_AUDIENCE);
  for (const { body, identity } of registry.usage) {
    expect(verifier.verify(identity, body)).toEqual({
      subject: 'hub-gateway',
      role: 'PARTNER_SERVICE',
      organizationId: null,
      territoryOktmo: null,
      agency: null,
      grants: ['recordUsage'],
      requestId: expect.stringMatching(/^[0-9a-f-]{36}$/),
    });
  }
  expect(fields.pending()).toEqual({});
});

test('counts the registry did not take are kept and sent with the next report', async () => {
  const fields = usage();
  const document = parse(ROUTE);
  registry.usageStatus = 503;
  fields.record(schema, ROUTE, document, 'Other', '2026-12-03');
  await fields.flush();
  expect(registry.usage).toEqual([]);
  expect(fields.pending()).toEqual({ '2026-12-03': { 'Family.id': 1, 'Query.family': 1 } });
  registry.usageStatus = 204;
  fields.record(schema, ROUTE, document, 'Other', '2026-12-03');
  await fields.flush();
  expect(registry.usage.map((u) => JSON.parse(u.body))).toEqual([{ day: '2026-12-03', fields: { 'Family.id': 2, 'Query.family': 2 } }]);
});
