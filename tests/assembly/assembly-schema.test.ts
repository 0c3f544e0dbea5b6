import { composeServices } from '@apollo/composition';
import {
  Kind,
  parse,
  print,
  type ConstDirectiveNode,
  type DefinitionNode,
  type DocumentNode,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type GraphQLObjectType,
  type ObjectTypeDefinitionNode,
  type OperationDefinitionNode,
  type SelectionSetNode,
} from 'graphql';
import { ASSEMBLY, buildAssembly } from '../../subgraphs/assembly/assembly-schema';
import { nodeReference } from '../../subgraphs/assembly/resolvers';
import { ROUTE_SCHEMA } from '../../subgraphs/conventions/route/schema';

/*
 * Small hand-written agency SDLs, shaped as the kit prints them (schema/subgraphs/*.graphql), so each test can say
 * exactly what the agencies declare and check what the generated assembly subgraph requires from them.
 */
const LINK = `extend schema @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires", "@tag"])`;

/** The route convention's shared types, declared alike by every agency that contributes to the route. */
const ROUTE_CONVENTION = `
scalar LocalDate
enum RouteStepStatus { PLANNED IN_PROGRESS DONE OVERDUE DECLINED CANCELLED }
enum AlertSeverity { INFO WARNING CRITICAL }
"One step of a person's support in one agency."
type RouteStep @shareable {
  id: ID!
  personId: ID!
  agency: String!
  kind: String!
  title: String!
  status: RouteStepStatus!
  startDate: LocalDate
  endDate: LocalDate
  dueDate: LocalDate
  provisional: Boolean
  organizationId: ID
  responsible: String
  recordType: String!
  recordId: ID!
  followsFrom: [ID!]!
  executorAgency: String
}
type RouteAlert @shareable { code: String! severity: AlertSeverity! message: String! personId: ID stepId: ID agency: String! }
type RouteWithholding @shareable { code: String! message: String! }
`;
const routePart = (type: string) =>
  `type ${type} { agency: String! steps: [RouteStep!]! alerts: [RouteAlert!]! withheld: RouteWithholding }`;

const SOCIAL_PROTECTION = `${LINK}
type Family @key(fields: "id") { id: ID! displayName: String! address: String members: [FamilyMember!]! }
type FamilyMember { person: Person relation: FamilyRelation! isLegalRepresentative: Boolean! }
enum FamilyRelation { PARENT CHILD GUARDIAN }
type Person @key(fields: "id") { id: ID! firstName: String lastName: String birthDate: String }
type Territory @key(fields: "oktmo") { oktmo: ID! name: String! }
type Query { family(id: ID!): Family territories: [Territory!]! }
`;

const HEALTH = `${LINK}
${ROUTE_CONVENTION}
type Person @key(fields: "id") {
  id: ID!
  healthRoute: HealthRoute @tag(name: "hub-route")
  healthAccessLog: [HealthAccessLogEntry!] @tag(name: "hub-access-log")
}
${routePart('HealthRoute')}
type HealthAccessLogEntry { at: String! agency: String! subject: String! action: String! }
type Query { ipra(id: ID!): String }
`;

/** A partner that follows the route convention and nothing else (seed 003 §2, §23: culture). */
const CULTURE = `${LINK}
${ROUTE_CONVENTION}
type Person @key(fields: "id") { id: ID! cultureRoute: CultureRoute @tag(name: "hub-route") }
${routePart('CultureRoute')}
`;

const AGENCIES = { 'social-protection': SOCIAL_PROTECTION, health: HEALTH };
const WITH_PARTNER = { ...AGENCIES, culture: CULTURE };

// ---- reading the generated SDL ----

const isObject = (d: DefinitionNode): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION;
const named = (doc: DocumentNode, name: string) =>
  doc.definitions.find((d) => 'name' in d && d.name?.value === name) as DefinitionNode | undefined;
function objectType(doc: DocumentNode, name: string): ObjectTypeDefinitionNode {
  const found = doc.definitions.filter(isObject).find((d) => d.name.value === name);
  if (!found) throw new Error(`no type ${name} in\n${print(doc)}`);
  return found;
}
const field = (doc: DocumentNode, type: string, name: string): FieldDefinitionNode => {
  const found = objectType(doc, type).fields?.find((f) => f.name.value === name);
  if (!found) throw new Error(`no field ${type}.${name}`);
  return found;
};
const fieldNames = (doc: DocumentNode, type: string) => (objectType(doc, type).fields ?? []).map((f) => f.name.value);
const directiveNames = (node: { directives?: readonly ConstDirectiveNode[] }) => (node.directives ?? []).map((d) => d.name.value);
function argument(node: { directives?: readonly ConstDirectiveNode[] }, directive: string, name: string): string {
  const value = node.directives?.find((d) => d.name.value === directive)?.arguments?.find((a) => a.name.value === name)?.value;
  if (value?.kind !== Kind.STRING) throw new Error(`no @${directive}(${name}:)`);
  return value.value;
}

/** A selection as a tree: a leaf is `true`, a field with a selection is the tree of its selection (order ignored). */
type Tree = { [field: string]: Tree | true };
function treeOf(selectionSet: SelectionSetNode): Tree {
  const tree: Tree = {};
  for (const s of selectionSet.selections) {
    if (s.kind !== Kind.FIELD) throw new Error('only fields are expected in a @requires selection');
    tree[s.name.value] = s.selectionSet ? treeOf(s.selectionSet) : true;
  }
  return tree;
}
const requiresTree = (f: FieldDefinitionNode) =>
  treeOf((parse(`{ ${argument(f, 'requires', 'fields')} }`).definitions[0] as OperationDefinitionNode).selectionSet);

/** Every field of a type as the fixture declares it, as leaves: what "the whole shape" of a flat type is. */
const leaves = (sdl: string, type: string): Tree =>
  Object.fromEntries((objectType(parse(sdl), type).fields ?? []).map((f) => [f.name.value, true]));
const ROUTE_PART_SHAPE: Tree = {
  agency: true,
  steps: leaves(ROUTE_CONVENTION, 'RouteStep'),
  alerts: leaves(ROUTE_CONVENTION, 'RouteAlert'),
  withheld: leaves(ROUTE_CONVENTION, 'RouteWithholding'),
};

function compose(sdls: Record<string, string>) {
  return composeServices(Object.entries(sdls).map(([name, sdl]) => ({ name, url: `http://${name}/graphql`, typeDefs: parse(sdl) })));
}
const withAssembly = (agencies: Record<string, string>) => ({ ...agencies, [ASSEMBLY]: buildAssembly(agencies).sdl });

describe('buildAssembly: the assembly subgraph generated from the contributions the agencies declare', () => {
  const assembly = buildAssembly(WITH_PARTNER);
  const doc = parse(assembly.sdl);

  test('it reports the contributions it found, a partner among them', () => {
    expect(assembly.contributions.map((c) => `${c.convention} ${c.agency} ${c.field}`)).toEqual([
      'accessLog HEALTH healthAccessLog',
      'route CULTURE cultureRoute',
      'route HEALTH healthRoute',
    ]);
  });

  test('it offers the route and the access log, which have contributions, and nothing else', () => {
    expect(assembly.offers).toEqual({ route: true, accessLog: true, resourceMap: false, statistics: false });
  });

  test('the generated SDL is printed GraphQL that parses back to itself', () => {
    expect(print(parse(assembly.sdl)) + '\n').toBe(assembly.sdl);
  });

  test('it links Federation 2 and imports the directives it uses', () => {
    expect(assembly.sdl).toMatch(/@link\(url: "https:\/\/specs\.apollo\.dev\/federation\/v2\.\d+"/);
    for (const d of ['@key', '@shareable', '@external', '@requires']) expect(assembly.sdl).toContain(`"${d}"`);
  });

  describe('Family.route (seed 003 §33.3: the coordinator routes the family)', () => {
    test('requires the family name and, for every member, relation, names and every agency’s route part', () => {
      expect(requiresTree(field(doc, 'Family', 'route'))).toEqual({
        displayName: true,
        members: {
          relation: true,
          person: { id: true, firstName: true, lastName: true, healthRoute: ROUTE_PART_SHAPE, cultureRoute: ROUTE_PART_SHAPE },
        },
      });
    });

    test('a route part is required whole: every field of the part type, and every field of the types inside it', () => {
      // A field left out of the requirement would reach the assembly as undefined and silently become null.
      const person = (requiresTree(field(doc, 'Family', 'route')).members as Tree).person as Tree;
      const health = person.healthRoute as Tree;
      expect(Object.keys(health).sort()).toEqual(fieldNames(parse(HEALTH), 'HealthRoute').sort());
      expect(Object.keys(health.steps).sort()).toEqual(fieldNames(parse(HEALTH), 'RouteStep').sort());
    });

    test('route returns the hub-owned FamilyRoute, nullable so an unreadable family does not fail the query', () => {
      expect(print(field(doc, 'Family', 'route').type)).toBe('FamilyRoute');
    });

    test('the family fields it reads are declared @external with their owner’s types', () => {
      expect(fieldNames(doc, 'Family')).toEqual(['id', 'displayName', 'members', 'route']);
      expect(print(field(doc, 'Family', 'displayName'))).toBe('displayName: String! @external');
      expect(print(field(doc, 'Family', 'members'))).toBe('members: [FamilyMember!]! @external');
      expect(directiveNames(objectType(doc, 'Family'))).toEqual(['key']);
      expect(argument(objectType(doc, 'Family'), 'key', 'fields')).toBe('id');
    });

    test('the family fields it does not read are not declared', () => {
      expect(fieldNames(doc, 'Family')).not.toContain('address');
      expect(fieldNames(doc, 'FamilyMember')).toEqual(['relation', 'person']);
    });

    test('the member value type is copied with its fields @external', () => {
      expect(print(objectType(doc, 'FamilyMember'))).toBe(
        'type FamilyMember {\n  relation: FamilyRelation! @external\n  person: Person @external\n}',
      );
    });
  });

  describe('Person', () => {
    test('declares the names and every contribution it requires as @external, and its own accessLog', () => {
      const person = objectType(doc, 'Person');
      expect(argument(person, 'key', 'fields')).toBe('id');
      expect(person.fields!.map((f) => [f.name.value, directiveNames(f)])).toEqual([
        ['id', []],
        ['firstName', ['external']],
        ['lastName', ['external']],
        ['cultureRoute', ['external']],
        ['healthRoute', ['external']],
        ['healthAccessLog', ['external']],
        ['accessLog', ['requires']],
      ]);
    });

    test('accessLog requires every agency’s log entries whole', () => {
      expect(requiresTree(field(doc, 'Person', 'accessLog'))).toEqual({ healthAccessLog: leaves(HEALTH, 'HealthAccessLogEntry') });
    });

    test('accessLog returns one hub type, AccessLogEntry, with the fields of the agencies’ entries', () => {
      // One hub-owned entry type instead of each agency's: Hive Gateway refused the same value type defined by
      // several @requires fields (issue 14).
      expect(print(field(doc, 'Person', 'accessLog').type)).toBe('AccessLogEntryConnection');
      expect(field(doc, 'Person', 'accessLog').arguments!.map((a) => a.name.value)).toEqual(['first', 'after', 'period']);
      expect(fieldNames(doc, 'AccessLogEntry')).toEqual([...fieldNames(parse(HEALTH), 'HealthAccessLogEntry'), 'organization']);
      expect(fieldNames(doc, 'AccessLogEntryConnection')).toEqual(['edges', 'pageInfo', 'totalCount']);
      expect(directiveNames(objectType(doc, 'AccessLogEntry'))).toEqual([]);
    });
  });

  describe('the copied value types', () => {
    test.each(['HealthRoute', 'CultureRoute', 'HealthAccessLogEntry'])(
      'the agency type %s is copied with every field @external: the assembly reads it, never resolves it',
      (type) => {
        const copied = objectType(doc, type);
        expect(copied.fields!.map((f) => f.name.value)).toEqual(fieldNames(parse(type.startsWith('Culture') ? CULTURE : HEALTH), type));
        expect(copied.fields!.map((f) => directiveNames(f))).toEqual(copied.fields!.map(() => ['external']));
        expect(directiveNames(copied)).toEqual([]);
      },
    );

    test.each(['RouteStep', 'RouteAlert'])('%s, which the hub returns in FamilyRoute, is @shareable with its own fields', (type) => {
      const copied = objectType(doc, type);
      expect(directiveNames(copied)).toEqual(['shareable']);
      expect(copied.fields!.flatMap((f) => directiveNames(f))).toEqual([]);
      expect(copied.fields!.map((f) => print(f))).toEqual(objectType(parse(ROUTE_CONVENTION), type).fields!.map((f) => print(f)));
    });

    test('a copied type keeps its owner’s description', () => {
      expect(objectType(doc, 'RouteStep').description?.value).toBe("One step of a person's support in one agency.");
    });

    test('the enums and scalars the copied types use are declared as their owners declare them', () => {
      const owners = parse(HEALTH + SOCIAL_PROTECTION);
      const enums = doc.definitions.filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION);
      for (const name of ['AlertSeverity', 'FamilyRelation', 'RouteStepStatus']) {
        expect(print(named(doc, name)!)).toBe(print(named(owners, name)!));
      }
      // Besides those, only the hub's own enums (the route graph's kinds, from ROUTE_SCHEMA).
      const hubEnums = parse(ROUTE_SCHEMA).definitions.filter((d) => d.kind === Kind.ENUM_TYPE_DEFINITION);
      expect(enums.map((d) => (d as EnumTypeDefinitionNode).name.value).sort()).toEqual(
        ['AlertSeverity', 'FamilyRelation', 'RouteStepStatus', ...hubEnums.map((d) => (d as EnumTypeDefinitionNode).name.value)].sort(),
      );
      const scalars = doc.definitions.filter((d) => d.kind === Kind.SCALAR_TYPE_DEFINITION).map((d) => print(d));
      expect(scalars).toEqual(['scalar LocalDate']);
    });

    test('no type is declared twice', () => {
      const names = doc.definitions.filter((d) => 'name' in d && d.name).map((d) => (d as ObjectTypeDefinitionNode).name.value);
      expect(new Set(names).size).toBe(names.length);
    });
  });

  test('a convention with no contributions has no field: no statistics, no resource map', () => {
    expect(named(doc, 'StatisticsReport')).toBeUndefined();
    expect(fieldNames(doc, 'Query')).toEqual(['node']);
    expect(named(doc, 'Territory')).toBeUndefined();
    expect(named(doc, 'ResourceMap')).toBeUndefined();
    expect(assembly.sdl).not.toMatch(/\bstatistics\(|\bresourceMap\b/);
  });

  test('it composes with the agencies’ subgraphs, and the supergraph offers route and accessLog', () => {
    const result = compose(withAssembly(WITH_PARTNER));
    expect(result.errors?.map((e) => e.message)).toBeUndefined();
    const api = result.schema!.toAPISchema().toGraphQLJSSchema();
    expect(Object.keys((api.getType('Family') as GraphQLObjectType).getFields())).toContain('route');
    expect(Object.keys((api.getType('Person') as GraphQLObjectType).getFields())).toContain('accessLog');
  });
});

describe('a partner joins by recomposition alone', () => {
  const before = parse(buildAssembly(AGENCIES).sdl);
  const after = parse(buildAssembly(WITH_PARTNER).sdl);
  const byName = (doc: DocumentNode) =>
    new Map(doc.definitions.filter((d) => 'name' in d && d.name).map((d) => [(d as ObjectTypeDefinitionNode).name.value, d]));

  test('the only new type is the partner’s part', () => {
    expect([...byName(after).keys()].filter((n) => !byName(before).has(n))).toEqual(['CultureRoute']);
    expect([...byName(before).keys()].filter((n) => !byName(after).has(n))).toEqual([]);
  });

  test('every type but Family and Person is unchanged', () => {
    for (const [name, definition] of byName(before)) {
      if (name === 'Family' || name === 'Person') continue;
      expect([name, print(byName(after).get(name)!)]).toEqual([name, print(definition)]);
    }
  });

  test('Person gains only the partner’s field, @external', () => {
    const without = objectType(after, 'Person').fields!.filter((f) => f.name.value !== 'cultureRoute');
    expect(without.map((f) => print(f))).toEqual(objectType(before, 'Person').fields!.map((f) => print(f)));
    expect(print(field(after, 'Person', 'cultureRoute'))).toBe('cultureRoute: CultureRoute @external');
  });

  test('Family.route requires the partner’s part besides what it required before, and nothing else changes', () => {
    const grown = requiresTree(field(after, 'Family', 'route'));
    const person = (grown.members as Tree).person as Tree;
    expect(person.cultureRoute).toEqual(ROUTE_PART_SHAPE);
    delete person.cultureRoute;
    expect(grown).toEqual(requiresTree(field(before, 'Family', 'route')));
  });

  test('the supergraph composes before and after', () => {
    expect(compose(withAssembly(AGENCIES)).errors).toBeUndefined();
    expect(compose(withAssembly(WITH_PARTNER)).errors).toBeUndefined();
  });
});

describe('the resource map and statistics conventions', () => {
  const SP_WITH_DEMAND = SOCIAL_PROTECTION.replace(
    'type Territory @key(fields: "oktmo") { oktmo: ID! name: String! }',
    `type Territory @key(fields: "oktmo") {
      oktmo: ID!
      name: String!
      demand: TerritoryDemand @tag(name: "hub-demand")
      socialProtectionResources: AgencyResources @tag(name: "hub-resources")
    }
    type TerritoryDemand @shareable { byServiceKind: [KindCount!]! openCases: KindCount! }
    type KindCount @shareable { kind: String! value: String! count: Int }
    type AgencyResources @shareable { agency: String! services: [ServiceCapacity!]! }
    type ServiceCapacity @shareable {
      serviceKind: String! name: String! agency: String! capacityTotal: Int capacityAvailable: Int queueLength: Int unit: String!
    }
    type StatisticsReport @key(fields: "fromMonth toMonth territoryOktmo") {
      fromMonth: String!
      toMonth: String!
      territoryOktmo: ID
      socialProtectionStatistics: [StatisticCell!] @tag(name: "hub-statistics")
    }
    type StatisticCell @shareable { month: String! territoryOktmo: String! agency: String! indicator: String! targetCategory: String! value: String! count: Int suppressed: Boolean! }`,
  );
  const RENTAL_FUND = `${LINK}
    type Territory @key(fields: "oktmo") { oktmo: ID! rentalFundResources: AgencyResources @tag(name: "hub-resources") }
    type AgencyResources @shareable { agency: String! services: [ServiceCapacity!]! }
    type ServiceCapacity @shareable {
      serviceKind: String! name: String! agency: String! capacityTotal: Int capacityAvailable: Int queueLength: Int unit: String!
    }
    type StatisticsReport @key(fields: "fromMonth toMonth territoryOktmo") {
      fromMonth: String!
      toMonth: String!
      territoryOktmo: ID
      rentalFundStatistics: [StatisticCell!] @tag(name: "hub-statistics")
    }
    type StatisticCell @shareable { month: String! territoryOktmo: String! agency: String! indicator: String! targetCategory: String! value: String! count: Int suppressed: Boolean! }
  `;
  const agencies = { 'social-protection': SP_WITH_DEMAND, 'rental-fund': RENTAL_FUND, health: HEALTH };
  const assembly = buildAssembly(agencies);
  const doc = parse(assembly.sdl);
  const resources = { agency: true, services: leaves(RENTAL_FUND, 'ServiceCapacity') };
  const cells = leaves(RENTAL_FUND, 'StatisticCell');

  test('every convention with contributions is offered', () => {
    expect(assembly.offers).toEqual({ route: true, accessLog: true, resourceMap: true, statistics: true });
  });

  test('Territory.resourceMap requires every agency’s resources whole, and social protection’s demand (seed 003 §34.2)', () => {
    expect(requiresTree(field(doc, 'Territory', 'resourceMap'))).toEqual({
      rentalFundResources: resources,
      socialProtectionResources: resources,
      demand: { byServiceKind: leaves(SP_WITH_DEMAND, 'KindCount'), openCases: leaves(SP_WITH_DEMAND, 'KindCount') },
    });
    expect(argument(objectType(doc, 'Territory'), 'key', 'fields')).toBe('oktmo');
  });

  test('without a demand contribution the resource map requires supply alone', () => {
    const noDemand = buildAssembly({ ...agencies, 'social-protection': SP_WITH_DEMAND.replace(' @tag(name: "hub-demand")', '') });
    expect(Object.keys(requiresTree(field(parse(noDemand.sdl), 'Territory', 'resourceMap')))).toEqual([
      'rentalFundResources',
      'socialProtectionResources',
    ]);
  });

  test('statistics(...) opens a StatisticsReport whose cells and missingAgencies require every agency’s cells', () => {
    const statistics = field(doc, 'Query', 'statistics');
    const bare = { ...statistics, description: undefined, arguments: statistics.arguments!.map((a) => ({ ...a, description: undefined })) };
    expect(print(bare)).toBe('statistics(fromMonth: String!, toMonth: String!, territoryOktmo: ID): StatisticsReport');
    const expected = { rentalFundStatistics: cells, socialProtectionStatistics: cells };
    expect(requiresTree(field(doc, 'StatisticsReport', 'cells'))).toEqual(expected);
    expect(requiresTree(field(doc, 'StatisticsReport', 'missingAgencies'))).toEqual(expected);
    expect(argument(objectType(doc, 'StatisticsReport'), 'key', 'fields')).toBe('fromMonth toMonth territoryOktmo');
  });

  test('the report’s key fields are the assembly’s own, so it can answer statistics(...) itself', () => {
    expect(
      objectType(doc, 'StatisticsReport')
        .fields!.slice(0, 3)
        .map((f) => print(f)),
    ).toEqual(['fromMonth: String!', 'toMonth: String!', 'territoryOktmo: ID']);
  });

  test('it composes with all four conventions', () => {
    expect(compose(withAssembly(agencies)).errors?.map((e) => e.message)).toBeUndefined();
  });
});

describe('what a requirement selects from a part type', () => {
  const HEALTH_WITH_EXTRAS = HEALTH.replace(
    routePart('HealthRoute'),
    `type HealthRoute {
      agency: String!
      steps: [RouteStep!]!
      alerts: [RouteAlert!]!
      withheld: RouteWithholding
      stepsSince(date: LocalDate!): [RouteStep!]!
      _internal: String
      clinic: Clinic
    }
    type Clinic @key(fields: "id") { id: ID! name: String! }`,
  );
  const doc = parse(buildAssembly({ ...AGENCIES, health: HEALTH_WITH_EXTRAS }).sdl);

  test('fields with arguments, underscore fields and fields leading to another entity are not required', () => {
    const person = (requiresTree(field(doc, 'Family', 'route')).members as Tree).person as Tree;
    expect(person.healthRoute).toEqual(ROUTE_PART_SHAPE);
  });

  test('nor are they declared on the copied type', () => {
    expect(fieldNames(doc, 'HealthRoute')).toEqual(['agency', 'steps', 'alerts', 'withheld']);
    // The clinic is an entity of its own: the assembly names it only as a Node, by its id, for node(id:).
    expect(fieldNames(doc, 'Clinic')).toEqual(['id']);
  });

  test('the result still composes', () => {
    expect(compose(withAssembly({ ...AGENCIES, health: HEALTH_WITH_EXTRAS })).errors?.map((e) => e.message)).toBeUndefined();
  });
});

describe('what the assembly does not assemble', () => {
  test('route contributions with no Family in any subgraph offer no route, but the access log still', () => {
    const assembly = buildAssembly({ health: HEALTH });
    expect(assembly.offers).toEqual({ route: false, accessLog: true, resourceMap: false, statistics: false });
    const doc = parse(assembly.sdl);
    expect(named(doc, 'Family')).toBeUndefined();
    expect(named(doc, 'FamilyRoute')).toBeUndefined();
    expect(fieldNames(doc, 'Person')).toEqual(['id', 'healthAccessLog', 'accessLog']);
  });

  test('a route tag on a field of another type than Person is not part of Family.route', () => {
    const misplaced = SOCIAL_PROTECTION.replace('address: String', 'address: String familyRoute: FamilyPart @tag(name: "hub-route")');
    const assembly = buildAssembly({ 'social-protection': misplaced + 'type FamilyPart { note: String }', health: HEALTH });
    expect(assembly.contributions.filter((c) => c.convention === 'route').map((c) => `${c.parentType}.${c.field}`)).toEqual([
      'Family.familyRoute',
      'Person.healthRoute',
    ]);
    expect(requiresTree(field(parse(assembly.sdl), 'Family', 'route'))).toEqual({
      displayName: true,
      members: { relation: true, person: { id: true, firstName: true, lastName: true, healthRoute: ROUTE_PART_SHAPE } },
    });
    expect(assembly.sdl).not.toContain('FamilyPart');
  });

  // A hub whose agencies contribute nothing yet (a new region) still composes: the assembly offers no field.
  test('agencies with no contributions get an assembly that offers nothing', () => {
    expect(buildAssembly({ 'social-protection': SOCIAL_PROTECTION }).offers).toEqual({
      route: false,
      accessLog: false,
      resourceMap: false,
      statistics: false,
    });
  });

  test('a field the assembly needs that no subgraph declares is a composition error naming it', () => {
    const nameless = SOCIAL_PROTECTION.replace('displayName: String! ', '');
    expect(() => buildAssembly({ 'social-protection': nameless, health: HEALTH })).toThrow('Family.displayName');
  });

  test('a part type that nests deeper than a convention type can is refused', () => {
    // A chain of value types eight deep, or a type that contains itself, would make an unbounded requirement.
    const chain = Array.from({ length: 8 }, (_, i) => `type Level${i} { value: String next: Level${i + 1} }`).join('\n');
    const deep = `${LINK}
      type Person @key(fields: "id") { id: ID! deepRoute: Level0 @tag(name: "hub-route") }
      ${chain}
      type Level8 { value: String }`;
    expect(() => buildAssembly({ 'social-protection': SOCIAL_PROTECTION, deep })).toThrow(/nests too deep/);
  });

  test('a part type that contains itself is refused rather than looping', () => {
    const looping = `${LINK}
      type Person @key(fields: "id") { id: ID! loopRoute: Loop @tag(name: "hub-route") }
      type Loop { value: String next: Loop }`;
    expect(() => buildAssembly({ 'social-protection': SOCIAL_PROTECTION, looping })).toThrow(/nests too deep/);
  });
});

describe('Node: every record an agency resolves by its id can be refetched with node(id:) (CONVENTIONS §7.4)', () => {
  const assembly = buildAssembly(WITH_PARTNER);
  const doc = parse(assembly.sdl);

  test('the Node types are the agencies’ types with a resolvable @key(fields: "id")', () => {
    expect(assembly.nodeTypes).toEqual(['Family', 'Person']);
    const nodeInterface = doc.definitions.find((d) => d.kind === Kind.INTERFACE_TYPE_DEFINITION && d.name.value === 'Node');
    expect(nodeInterface && print(nodeInterface)).toMatch(/interface Node @key\(fields: "id"\)/);
    for (const type of assembly.nodeTypes) expect(objectType(doc, type).interfaces!.map((i) => i.name.value)).toEqual(['Node']);
  });

  test('Query.node takes a global id and returns a Node', () => {
    const node = field(doc, 'Query', 'node');
    expect(print({ ...node, description: undefined, arguments: node.arguments!.map((a) => ({ ...a, description: undefined })) })).toBe(
      'node(id: ID!): Node',
    );
  });

  test('node(id:) names the type and keeps the global id, for the router to fetch the record from its owner', () => {
    expect(nodeReference(new Set(['Person']), 'Person:6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f')).toEqual({
      __typename: 'Person',
      id: 'Person:6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f',
    });
  });

  test.each([
    ['a bare uuid', '6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f'],
    ['a type that is no Node', 'Territory:6f1c2d3e-4a5b-4c6d-8e7f-0a1b2c3d4e5f'],
    ['a malformed id', 'Person:not-a-uuid'],
  ])('%s is refused with BAD_USER_INPUT', (_, id) => {
    expect(() => nodeReference(new Set(['Person']), id)).toThrow(expect.objectContaining({ code: 'BAD_USER_INPUT' }));
  });

  test('it composes: the entity interface is accepted next to the agencies’ own types', () => {
    expect(compose(withAssembly(WITH_PARTNER)).errors?.map((e) => e.message)).toBeUndefined();
  });
});
