import { mkdirSync, mkdtempSync, writeFileSync } from 'fs';
import { tmpdir } from 'os';
import { RuleTester } from 'eslint';
import * as graphql from '@graphql-eslint/eslint-plugin';
// eslint-disable-next-line @typescript-eslint/no-require-imports
const hub = require('../../scripts/schema-lint');

// Each rule of the API style (schema/CONVENTIONS.md §7) against the smallest schemas that keep or break it.
const tester = new RuleTester({ languageOptions: { parser: graphql.parser } });
const FED = 'extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@requires", "@external"])\n';

tester.run('hub/refusable-nullable (§7.2)', hub.rules['refusable-nullable'], {
  valid: [
    { code: `${FED}type Person @key(fields: "id") { id: ID! name: String }`, options: [{ shared: ['Person'] }] },
    { code: `${FED}type Ipra { id: ID! number: String! person: Person } type Person @key(fields: "id") { id: ID! }` },
    {
      code: `${FED}type Person @key(fields: "id") { id: ID! name: String! }`,
      options: [{ shared: ['Person'], justified: ['Person.name'] }],
    },
    // A connection's edge holds a record of a page the caller may read; the page is refused whole.
    { code: `${FED}type PersonEdge { node: Person! cursor: String! } type Person @key(fields: "id") { id: ID! }` },
    // A mutation's payload is non-null (§7.6).
    { code: 'type Mutation { giveConsent: GiveConsentPayload! } type GiveConsentPayload { ok: Boolean }' },
  ],
  invalid: [
    {
      code: `${FED}type Person @key(fields: "id") { id: ID! name: String! }`,
      options: [{ shared: ['Person'] }],
      errors: [{ message: /Person.name is a field of the entity Person/ }],
    },
    {
      code: `${FED}type Referral { id: ID! person: Person! } type Person @key(fields: "id") { id: ID! }`,
      errors: [{ message: /Referral.person references the entity Person/ }],
    },
    {
      code: `${FED}type Person @key(fields: "id") { id: ID! a: String @external route: String! @requires(fields: "a") }`,
      errors: [{ message: /Person.route needs other subgraphs' fields/ }],
    },
    {
      code: 'type Family { id: ID! members: String! } type Query { family: Family }',
      options: [{ entities: { Family: ['id'] }, shared: ['Family'] }],
      errors: [{ message: /Family.members is a field of the entity Family/ }],
    },
    { code: 'type Query { today: String! }', errors: [{ message: /Query.today is a root field: make it nullable/ }] },
  ],
});

tester.run('hub/temporal-names (§7.3)', hub.rules['temporal-names'], {
  valid: [
    'scalar LocalDate scalar DateTimeISO type Ipra { issuedOn: LocalDate recordedAt: DateTimeISO monitoringDates: [LocalDate!] reason: String }',
    { code: 'scalar LocalDate type Query { today: LocalDate }', options: [{ justified: ['Query.today'] }] },
  ],
  invalid: [
    { code: 'scalar LocalDate type Person { birthDate: LocalDate }', errors: [{ message: /Person.birthDate is a date.*…On/ }] },
    { code: 'scalar DateTimeISO type Entry { recorded: DateTimeISO }', errors: [{ message: /is an instant/ }] },
    { code: 'type Entry { at: String }', errors: [{ message: /Entry.at is named like an instant but is String/ }] },
    { code: 'scalar LocalDate type Course { startDate: LocalDate }', errors: [{ message: /one Period/ }] },
    { code: 'scalar LocalDate input Filter { validUntil: LocalDate }', errors: [{ message: /one Period/ }] },
    { code: 'scalar LocalDate type Step { deadline: LocalDate }', errors: [{ message: /named `dueOn`/ }] },
    { code: 'scalar LocalDate type Query { cases(from: LocalDate): String }', errors: [{ message: /Query.cases.from is a date/ }] },
  ],
});

tester.run('hub/id-has-edge (§7.4)', hub.rules['id-has-edge'], {
  valid: [
    'type Referral { id: ID! personId: ID person: Person } type Person { id: ID! }',
    'type Programme { measureIds: [ID!]! measures: [String!]! }',
    { code: 'type RouteStep { personId: ID }', options: [{ justified: ['RouteStep.personId'] }] },
    'type Territory { oktmo: ID! }',
  ],
  invalid: [
    { code: 'type Referral { personId: ID! }', errors: [{ message: /Referral.personId is a bare id: add the edge `person`/ }] },
    { code: 'type Enrolment { organizationIds: [ID!]! }', errors: [{ message: /add the edge `organizations`/ }] },
  ],
});

tester.run('hub/bounded-lists (§7.5)', hub.rules['bounded-lists'], {
  valid: [
    'type Family { tags: [String!]! } type Query { family: Family }',
    'type A { id: ID } type AConnection { edges: [AEdge!]! } type AEdge { node: A }',
    { code: 'type Family { members: [Member!]! } type Member { id: ID }', options: [{ justified: ['Family.members'] }] },
    'type GiveConsentPayload { userErrors: [UserError!]! } type UserError { code: String }',
  ],
  invalid: [
    {
      code: 'type Person { referrals: [Referral!]! } type Referral { id: ID }',
      errors: [{ message: /Person.referrals is a list of Referral that may grow/ }],
    },
  ],
});

tester.run('hub/mutation-payload (§7.6)', hub.rules['mutation-payload'], {
  valid: [
    {
      code: 'type Mutation { registerFamily(input: RegisterFamilyInput!): RegisterFamilyPayload! } input RegisterFamilyInput { idempotencyKey: ID } type RegisterFamilyPayload { userErrors: [String!]! }',
      options: [{ creatingVerbs: ['register'] }],
    },
    {
      code: 'type Mutation { revokeConsent(input: RevokeConsentInput!): RevokeConsentPayload! } input RevokeConsentInput { id: ID! } type RevokeConsentPayload { userErrors: [String!]! }',
      options: [{ creatingVerbs: ['register'] }],
    },
  ],
  invalid: [
    {
      code: 'type Mutation { registerFamily: Family } type Family { id: ID }',
      errors: [{ message: /returns Family: return `RegisterFamilyPayload!`/ }],
    },
    {
      code: 'type Mutation { revokeConsent: RevokeConsentPayload! } type RevokeConsentPayload { consent: String }',
      errors: [{ message: /RevokeConsentPayload has no `userErrors/ }],
    },
    {
      code: 'type Mutation { addMeasure(input: AddMeasureInput!): AddMeasurePayload! } input AddMeasureInput { title: String } type AddMeasurePayload { userErrors: [String!]! }',
      options: [{ creatingVerbs: ['add'] }],
      errors: [{ message: /add `idempotencyKey` to AddMeasureInput/ }],
    },
  ],
});

tester.run('hub/enum-vocabulary (§7.1)', hub.rules['enum-vocabulary'], {
  valid: [{ code: 'enum Status { DONE CANCELLED }', options: [{ synonyms: { COMPLETED: 'DONE' } }] }],
  invalid: [
    {
      code: 'enum Status { COMPLETED }',
      options: [{ synonyms: { COMPLETED: 'DONE' } }],
      errors: [{ message: /Status.COMPLETED: the hub says DONE/ }],
    },
  ],
});

describe('the style reads its exceptions and shared entities from the conventions', () => {
  // eslint-disable-next-line @typescript-eslint/no-require-imports
  const style = require('../../scripts/schema-lint/style');
  const root = mkdtempSync(`${tmpdir()}/style-`);
  mkdirSync(`${root}/schema`);
  writeFileSync(
    `${root}/schema/CONVENTIONS.md`,
    [
      '## 1. Shared keys',
      '| entity | key |',
      '|---|---|',
      '| `Person` | `@key(fields: "id")` |',
      '## 2. Other',
      '#### Bounded lists (`hub/bounded-lists`)',
      '| field | why |',
      '|---|---|',
      '| `Family.members` | a family has a handful of members |',
      '| `Ipra.sections` |  |',
      '#### Ids without edges (`hub/id-has-edge`)',
      '| `RouteStep.personId` | a value passed through @requires |',
    ].join('\n'),
  );
  writeFileSync(
    `${root}/schema/supergraph.graphql`,
    'type Person @join__type(graph: A, key: "id") @join__type(graph: B, key: "snils") {\n id: ID!\n}\n',
  );

  test('a row exempts its field from the rule its heading names, and a row without a reason exempts nothing', () => {
    expect(style.justifiedExceptions(root)).toEqual({ 'bounded-lists': ['Family.members'], 'id-has-edge': ['RouteStep.personId'] });
  });

  test('the shared entities are the first column of §1', () => {
    expect(style.sharedEntities(root)).toEqual(['Person']);
  });

  test("the API schema's entities and keys come from the supergraph's join directives", () => {
    expect(style.supergraphEntities(root)).toEqual({ Person: ['id', 'snils'] });
  });
});
