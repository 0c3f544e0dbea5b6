import { parse, type ObjectTypeDefinitionNode } from 'graphql';
import { contributionsTo, findContributions, namedType } from '../../subgraphs/assembly/contributions';
import { CONVENTION_TAGS } from '../../subgraphs/conventions/tags';

/** A subgraph SDL with one Person field; the directive text is what each test varies. */
const personField = (field: string, type: string, directives: string) => `
  type Person @key(fields: "id") {
    id: ID!
    ${field}: ${type} ${directives}
  }
`;

describe('findContributions: an agency joins a convention by tagging a field', () => {
  test('a field tagged hub-route is a route contribution, described by where it is and what it returns', () => {
    expect(findContributions({ health: personField('healthRoute', 'HealthRoute', '@tag(name: "hub-route")') })).toEqual([
      { convention: 'route', subgraph: 'health', agency: 'HEALTH', parentType: 'Person', field: 'healthRoute', type: 'HealthRoute' },
    ]);
  });

  test.each(Object.entries(CONVENTION_TAGS))('the convention %s is found by its tag %s', (convention, tag) => {
    const [found] = findContributions({ health: personField('part', 'Part', `@tag(name: "${tag}")`) });
    expect(found.convention).toBe(convention);
  });

  test.each([
    ['route', 'hub-route'],
    ['accessLog', 'hub-access-log'],
    ['resources', 'hub-resources'],
    ['statistics', 'hub-statistics'],
    ['demand', 'hub-demand'],
  ])('the tag names agencies follow are fixed: %s is %s', (convention, tag) => {
    // Agencies' schemas carry these strings; renaming one would silently drop every agency's contribution.
    expect(CONVENTION_TAGS[convention as keyof typeof CONVENTION_TAGS]).toBe(tag);
  });

  test('a field with another tag is not a contribution', () => {
    expect(findContributions({ health: personField('healthRoute', 'HealthRoute', '@tag(name: "internal")') })).toEqual([]);
  });

  test('a tag that merely resembles a convention tag is not a contribution', () => {
    const sdl =
      personField('a', 'A', '@tag(name: "hub-routes")') + personField('b', 'B', '@tag(name: "HUB-ROUTE")').replace('Person', 'Other');
    expect(findContributions({ health: sdl })).toEqual([]);
  });

  test('an untagged field, or a field with other directives only, is not a contribution', () => {
    const sdl = `
      type Person @key(fields: "id") {
        id: ID!
        healthRoute: HealthRoute
        healthAccessLog: [Entry!] @requires(fields: "id") @deprecated(reason: "no")
      }
    `;
    expect(findContributions({ health: sdl })).toEqual([]);
  });

  // @tag is repeatable: a partner that also tags its field for a contract (`@tag(name: "public")`) still joins the route.
  test('a convention tag is found among other tags on the same field', () => {
    const [found] = findContributions({
      health: personField('healthRoute', 'HealthRoute', '@tag(name: "public") @tag(name: "hub-route")'),
    });
    expect(found?.convention).toBe('route');
  });

  test('a tag on the type rather than on a field is not a contribution', () => {
    const sdl = 'type HealthRoute @tag(name: "hub-route") { agency: String! }';
    expect(findContributions({ health: sdl })).toEqual([]);
  });

  test('fields of a type extension count like fields of a type definition', () => {
    const sdl = 'extend type Territory @key(fields: "oktmo") { oktmo: ID! cultureResources: AgencyResources @tag(name: "hub-resources") }';
    expect(findContributions({ culture: sdl })).toMatchObject([
      { convention: 'resources', parentType: 'Territory', field: 'cultureResources' },
    ]);
  });

  test('the returned type is the named type under lists and non-null', () => {
    const [found] = findContributions({
      health: personField('healthAccessLog', '[HealthAccessLogEntry!]!', '@tag(name: "hub-access-log")'),
    });
    expect(found.type).toBe('HealthAccessLogEntry');
  });

  test.each([
    ['health', 'HEALTH'],
    ['rental-fund', 'RENTAL_FUND'],
    ['social-protection', 'SOCIAL_PROTECTION'],
    ['culture', 'CULTURE'],
  ])('the agency code comes from the service name: %s → %s', (subgraph, agency) => {
    const [found] = findContributions({ [subgraph]: personField('part', 'Part', '@tag(name: "hub-route")') });
    expect(found).toMatchObject({ subgraph, agency });
  });

  test('several contributions of one subgraph are all found', () => {
    const sdl = `
      type Person @key(fields: "id") {
        id: ID!
        healthRoute: HealthRoute @tag(name: "hub-route")
        healthAccessLog: [HealthAccessLogEntry!] @tag(name: "hub-access-log")
      }
      type Territory @key(fields: "oktmo") {
        oktmo: ID!
        healthResources: AgencyResources @tag(name: "hub-resources")
      }
    `;
    expect(findContributions({ health: sdl }).map((c) => `${c.convention} ${c.parentType}.${c.field}`)).toEqual([
      'accessLog Person.healthAccessLog',
      'resources Territory.healthResources',
      'route Person.healthRoute',
    ]);
  });

  test('contributions are sorted by convention, then parent type, then agency, whatever order the subgraphs come in', () => {
    const sdls = {
      'rental-fund': personField('rentalFundRoute', 'R', '@tag(name: "hub-route")'),
      health:
        personField('healthRoute', 'H', '@tag(name: "hub-route")') +
        'type Report @key(fields: "id") { id: ID! healthStatistics: [Cell!] @tag(name: "hub-statistics") }',
      culture: personField('cultureRoute', 'C', '@tag(name: "hub-route")'),
      education: 'type Family @key(fields: "id") { id: ID! educationRoute: E @tag(name: "hub-route") }',
    };
    const expected = [
      'route Family EDUCATION',
      'route Person CULTURE',
      'route Person HEALTH',
      'route Person RENTAL_FUND',
      'statistics Report HEALTH',
    ];
    const describe = (c: { convention: string; parentType: string; agency: string }) => `${c.convention} ${c.parentType} ${c.agency}`;
    expect(findContributions(sdls).map(describe)).toEqual(expected);
    const reversed = Object.fromEntries(Object.entries(sdls).reverse());
    expect(findContributions(reversed).map(describe)).toEqual(expected);
  });

  test('no subgraphs, no contributions', () => {
    expect(findContributions({})).toEqual([]);
  });

  test('a subgraph SDL that does not parse is reported, not skipped', () => {
    expect(() => findContributions({ health: 'type Person {' })).toThrow();
  });
});

describe('contributionsTo', () => {
  test("keeps one convention's contributions, in their order", () => {
    const all = findContributions({
      health: personField('healthRoute', 'H', '@tag(name: "hub-route")'),
      education:
        personField('educationRoute', 'E', '@tag(name: "hub-route")') +
        'type T @key(fields: "id") { id: ID! x: X @tag(name: "hub-resources") }',
    });
    expect(contributionsTo(all, 'route').map((c) => c.agency)).toEqual(['EDUCATION', 'HEALTH']);
    expect(contributionsTo(all, 'resources').map((c) => c.field)).toEqual(['x']);
    expect(contributionsTo(all, 'statistics')).toEqual([]);
  });
});

describe('namedType', () => {
  const typeOf = (sdl: string) => (parse(`type T { f: ${sdl} }`).definitions[0] as ObjectTypeDefinitionNode).fields![0].type;

  test.each(['A', 'A!', '[A]', '[A!]', '[A!]!', '[[A!]!]'])('%s is named A', (sdl) => {
    expect(namedType(typeOf(sdl))).toBe('A');
  });
});
