import {
  Kind,
  parse,
  print,
  visit,
  type EnumTypeDefinitionNode,
  type FieldDefinitionNode,
  type ScalarTypeDefinitionNode,
  type StringValueNode,
} from 'graphql';
import { contributionsTo, findContributions, namedType, type Contribution } from './contributions';
import { RESOURCE_MAP_SCHEMA } from '../conventions/resource-map/schema';
import { ROUTE_REFERENCES, ROUTE_SCHEMA } from '../conventions/route/schema';

/** The assembly subgraph's service name in the supergraph. */
export const ASSEMBLY = 'assembly';

const BUILT_IN_SCALARS = new Set(['String', 'Int', 'Float', 'Boolean', 'ID']);

interface ObjectShape {
  description?: StringValueNode;
  fields: Map<string, FieldDefinitionNode>;
  entity: boolean;
}

/** `@key(fields: "id")` without `resolvable: false`. */
function isResolvableIdKey(directive: {
  name: { value: string };
  arguments?: readonly { name: { value: string }; value: { kind: string } }[];
}) {
  if (directive.name.value !== 'key') return false;
  const argument = (name: string) =>
    directive.arguments?.find((a) => a.name.value === name)?.value as { kind: string; value?: unknown } | undefined;
  const fields = argument('fields');
  const resolvable = argument('resolvable');
  return (
    fields?.kind === Kind.STRING &&
    String(fields.value).trim() === 'id' &&
    !(resolvable?.kind === Kind.BOOLEAN && resolvable.value === false)
  );
}

/** Every type of the agencies' schemas by name, fields merged across subgraphs (a type's field is the same wherever it is declared). */
class TypeIndex {
  readonly objects = new Map<string, ObjectShape>();
  readonly enums = new Map<string, EnumTypeDefinitionNode>();
  readonly scalars = new Map<string, ScalarTypeDefinitionNode>();
  /** Object types some agency resolves by `@key(fields: "id")`: the types `node(id:)` can refetch. */
  readonly nodeTypes = new Set<string>();

  constructor(subgraphSdls: Record<string, string>) {
    for (const sdl of Object.values(subgraphSdls)) {
      for (const d of parse(sdl).definitions) {
        if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) {
          const shape: ObjectShape = this.objects.get(d.name.value) ?? { fields: new Map(), entity: false };
          if (d.kind === Kind.OBJECT_TYPE_DEFINITION) shape.description ??= d.description;
          shape.entity ||= (d.directives ?? []).some((x) => x.name.value === 'key');
          if ((d.directives ?? []).some(isResolvableIdKey)) this.nodeTypes.add(d.name.value);
          for (const f of d.fields ?? []) if (!shape.fields.has(f.name.value)) shape.fields.set(f.name.value, f);
          this.objects.set(d.name.value, shape);
        } else if (d.kind === Kind.ENUM_TYPE_DEFINITION && !this.enums.has(d.name.value)) this.enums.set(d.name.value, d);
        else if (d.kind === Kind.SCALAR_TYPE_DEFINITION && !d.name.value.startsWith('_') && !this.scalars.get(d.name.value)?.description)
          this.scalars.set(d.name.value, d);
      }
    }
  }

  field(type: string, field: string): FieldDefinitionNode {
    const found = this.objects.get(type)?.fields.get(field);
    if (!found) throw new Error(`the assembly needs ${type}.${field}, which no subgraph declares`);
    return found;
  }

  /** Fields a requirement selects from a value type: every field without arguments that does not lead to another entity. */
  selectable(type: string): FieldDefinitionNode[] {
    return [...(this.objects.get(type)?.fields.values() ?? [])].filter(
      (f) => !f.arguments?.length && !f.name.value.startsWith('_') && !this.objects.get(namedType(f.type))?.entity,
    );
  }
}

/**
 * Builds what `@requires` selects and remembers every type it passes through, so those types can be declared
 * in the assembly subgraph exactly as their owners declare them.
 */
class Requirements {
  readonly valueTypes = new Set<string>();
  readonly enums = new Set<string>();
  readonly scalars = new Set<string>();

  constructor(private readonly index: TypeIndex) {}

  /** The whole shape of a value type, as a selection (`agency steps { id … } …`). */
  shape(type: string, depth = 0): string {
    if (depth > 6) throw new Error(`${type} nests too deep for a convention type`);
    this.valueTypes.add(type);
    return this.index
      .selectable(type)
      .map((f) => `${f.name.value}${this.nested(namedType(f.type), depth)}`)
      .join(' ');
  }

  private nested(type: string, depth: number): string {
    if (this.index.objects.has(type)) return ` { ${this.shape(type, depth + 1)} }`;
    if (this.index.enums.has(type)) this.enums.add(type);
    else if (!BUILT_IN_SCALARS.has(type)) this.scalars.add(type);
    return '';
  }

  /** A field of an entity or value type the assembly reads as it is (a scalar, an enum or a value type). */
  field(parent: string, name: string): string {
    const type = namedType(this.index.field(parent, name).type);
    return `${name}${this.nested(type, 0)}`;
  }
}

const description = (node?: StringValueNode) => (node ? `${print({ ...node, block: true })}\n` : '');

function printField(field: FieldDefinitionNode, directive = ''): string {
  return `  ${description(field.description)}  ${field.name.value}: ${print(field.type)}${directive}`;
}

/** Value types the hub itself returns (a RouteStep in FamilyRoute.steps): shareable, as in the agencies. */
function typesReturnedByHub(hubSdl: string, index: TypeIndex): Set<string> {
  const returned = new Set<string>();
  if (!hubSdl.trim()) return returned;
  const visit = (type: string) => {
    if (returned.has(type) || !index.objects.has(type) || index.objects.get(type)!.entity) return;
    returned.add(type);
    for (const f of index.selectable(type)) visit(namedType(f.type));
  };
  for (const d of parse(hubSdl).definitions) {
    if (d.kind !== Kind.OBJECT_TYPE_DEFINITION) continue;
    for (const f of d.fields ?? []) if (!f.directives?.some((x) => x.name.value === 'external')) visit(namedType(f.type));
  }
  return returned;
}

export interface Assembly {
  /** The assembly subgraph's SDL, generated from the contributions found. */
  sdl: string;
  contributions: Contribution[];
  /** Whether each convention's field is offered (a hub without, say, statistics contributions has no `statistics`). */
  offers: { route: boolean; accessLog: boolean; resourceMap: boolean; statistics: boolean };
  /** The types `node(id:)` refetches: every agency type resolvable by `@key(fields: "id")`. */
  nodeTypes: string[];
  /** Agency codes of partners the registry retired: each family route names them as a gap (SUBGRAPH_RETIRED). */
  retiredAgencies: string[];
  /**
   * The gap code for them: SUBGRAPH_RETIRED, or SUBGRAPH_UNAVAILABLE where the agencies' ErrorCode is older than that
   * value (the assembly copies the enum from them, and a value it does not have cannot be answered).
   */
  retiredGapCode: string;
}

export interface AssemblyOptions {
  /** Agency codes of retired partners (the registry's `retired`); their SDLs are no longer among the agencies'. */
  retiredAgencies?: string[];
}

/** Descriptions as blocks (`"""…"""`), the style the schema lint asks for, whatever the agencies' printer chose. */
function blockDescriptions(sdl: string): string {
  return print(
    visit(parse(sdl), {
      enter(node) {
        const text = 'description' in node ? node.description : undefined;
        return text && !text.block ? { ...node, description: { ...text, block: true } } : undefined;
      },
    }),
  );
}

const PAGE_INFO = `"""Where a page of a connection stands in the whole list (GraphQL Cursor Connections)."""
type PageInfo @shareable {
  """True when records follow the last edge of this page: ask again with \`after: endCursor\`."""
  hasNextPage: Boolean!
  """True when this page was asked for \`after\` a cursor, so records come before its first edge."""
  hasPreviousPage: Boolean!
  """The cursor of the first edge; null on an empty page."""
  startCursor: String
  """The cursor of the last edge; pass it as \`after\` for the next page."""
  endCursor: String
}`;

const PERIOD_INPUT = `"""A span of calendar days to filter or plan by, both ends included; leave an end out to keep it open."""
input PeriodInput {
  """The first day (included); open when left out."""
  startsOn: LocalDate
  """The last day (included); open when left out."""
  endsOn: LocalDate
}`;

const PAGE_ARGUMENTS = `"""How many records to return, 1 to 100 (default 20); more is refused with BAD_USER_INPUT."""
    first: Int = 20
    """Return the records after this cursor (\`pageInfo.endCursor\` of the previous page)."""
    after: String`;

/**
 * The assembly subgraph for a set of agency subgraphs: `Family.route`, `Person.accessLog`, `Territory.resourceMap`
 * and `statistics(...)`, each `@requires`-ing the contributions the agencies declare under the hub's conventions,
 * and `node(id:)`, which names the record behind a global id so the router fetches it from its agency.
 * It is generated when the supergraph is composed, so a partner that follows the conventions joins with a
 * recomposition and no code change (schema/CONVENTIONS.md).
 */
export function buildAssembly(subgraphSdls: Record<string, string>, options: AssemblyOptions = {}): Assembly {
  const index = new TypeIndex(subgraphSdls);
  const contributions = findContributions(subgraphSdls);
  const required = new Requirements(index);
  const routes = contributionsTo(contributions, 'route').filter((c) => c.parentType === 'Person');
  const logs = contributionsTo(contributions, 'accessLog').filter((c) => c.parentType === 'Person');
  const resources = contributionsTo(contributions, 'resources').filter((c) => c.parentType === 'Territory');
  const demand = contributionsTo(contributions, 'demand').find((c) => c.parentType === 'Territory');
  const statistics = contributionsTo(contributions, 'statistics').filter((c) => c.parentType === 'StatisticsReport');
  const offers = {
    route: routes.length > 0 && index.objects.has('Family'),
    accessLog: logs.length > 0,
    resourceMap: resources.length > 0,
    statistics: statistics.length > 0,
  };
  const nodeTypes = [...index.nodeTypes].sort();
  const nodes = new Set(nodeTypes);
  const hubTypes: string[] = [];
  const queryFields: string[] = [];
  /** Entity types the assembly declares: their key and the fields it adds or reads. */
  const entities = new Map<string, { key: string; fields: string[] }>();
  const entity = (type: string, key: string, ...fields: string[]) => {
    const keyField = index.field(type, key);
    const described: FieldDefinitionNode =
      keyField.description || key !== 'id'
        ? keyField
        : {
            ...keyField,
            description: { kind: Kind.STRING, value: `The ${type}'s global id, \`${type}:<uuid>\`: opaque to clients.`, block: true },
          };
    const found = entities.get(type) ?? { key, fields: [printField(described)] };
    found.fields.push(...fields);
    entities.set(type, found);
  };
  const externals = (list: Contribution[]) => list.map((c) => printField(index.field(c.parentType, c.field), ' @external'));
  let organizationReferenced = false;

  if (offers.route) {
    const parts = routes.map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    const person = `id ${required.field('Person', 'firstName')} ${required.field('Person', 'lastName')} ${parts}`;
    const requires = `${required.field('Family', 'displayName')} members { ${required.field('FamilyMember', 'relation')} person { ${person} } }`;
    // A gap's code is an ErrorCode where the agencies declare the enum (the kit's), else its text.
    hubTypes.push(index.enums.has('ErrorCode') ? ROUTE_SCHEMA : ROUTE_SCHEMA.replace('code: ErrorCode!', 'code: String!'), PERIOD_INPUT);
    organizationReferenced = true;
    if (index.enums.has('ErrorCode')) required.enums.add('ErrorCode');
    entity(
      'Family',
      'id',
      printField(index.field('Family', 'displayName'), ' @external'),
      printField(index.field('Family', 'members'), ' @external'),
      `  """
  The family's route across all agencies (route convention) within \`period\` (the whole route when it is left
  open): null when the family cannot be read, or with BAD_USER_INPUT when the period holds more than 500 steps.
  """
  route(
    """The days to show: steps whose days overlap them (an open step runs on; a step with no day is always shown)."""
    period: PeriodInput
  ): FamilyRoute @requires(fields: ${JSON.stringify(requires)})`,
    );
    hubTypes.push(`${description(index.objects.get('FamilyMember')?.description)}type FamilyMember {
${printField(index.field('FamilyMember', 'relation'), ' @external')}
${printField(index.field('FamilyMember', 'person'), ' @external')}
}`);
    entity(
      'Person',
      'id',
      printField(index.field('Person', 'firstName'), ' @external'),
      printField(index.field('Person', 'lastName'), ' @external'),
      ...externals(routes),
    );
  }
  if (offers.accessLog) {
    const requires = logs.map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    const entry = index.objects.get(logs[0].type)!;
    organizationReferenced = true;
    hubTypes.push(
      `"""One access to a person's data, as the agency that holds the data recorded it."""
type AccessLogEntry {
${[...entry.fields.values()].map((f) => printField(f)).join('\n')}
  """The caller's organization, null for a caller without one."""
  organization: Organization
}

"""One entry of a person's access log, with the cursor that points at it."""
type AccessLogEntryEdge {
  """Opaque position of this entry in the log; pass it as \`after\` to continue after it."""
  cursor: String!
  """The entry."""
  node: AccessLogEntry!
}

"""A page of a person's access log, newest first."""
type AccessLogEntryConnection {
  """The entries of this page, newest first."""
  edges: [AccessLogEntryEdge!]!
  """Whether entries come before or after this page, and its cursors."""
  pageInfo: PageInfo!
  """How many entries match, across all pages."""
  totalCount: Int!
}`,
      PAGE_INFO,
    );
    if (!offers.route) hubTypes.push(PERIOD_INPUT);
    entity(
      'Person',
      'id',
      ...externals(logs),
      `  """
  Who accessed this person's data in any agency, newest first, a page at a time (access-log convention; the
  coordinator of the person's family, and the person or their legal representative as a CITIZEN). Covers each agency's newest 200 entries about the person: older entries stay
  in the agency's audit trail. Keyset cursors: entries recorded between two pages do not shift the next page.
  """
  accessLog(
    ${PAGE_ARGUMENTS}
    """Only the accesses on these days (the region's calendar days)."""
    period: PeriodInput
  ): AccessLogEntryConnection @requires(fields: ${JSON.stringify(requires)})`,
    );
  }
  if (organizationReferenced && !nodes.has('Organization')) hubTypes.push(ROUTE_REFERENCES);

  if (offers.resourceMap) {
    const parts = [...resources, ...(demand ? [demand] : [])].map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    hubTypes.push(RESOURCE_MAP_SCHEMA);
    entity(
      'Territory',
      'oktmo',
      ...externals([...resources, ...(demand ? [demand] : [])]),
      `  """Supply and demand on the territory, assembled from every agency's resources (resource-map convention)."""
  resourceMap: ResourceMap @requires(fields: ${JSON.stringify(parts)})`,
    );
  }
  if (offers.statistics) {
    const parts = statistics.map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    const keyFields = ['fromMonth', 'toMonth', 'territoryOktmo'];
    entities.set('StatisticsReport', {
      key: keyFields.join(' '),
      fields: [
        ...keyFields.map((f) => printField(index.field('StatisticsReport', f))),
        ...externals(statistics),
        `  """
  Every agency's cells for the period (statistics convention), small counts suppressed by each agency; at most 36
  months of the region's territories.
  """
  cells: [StatisticCell!] @requires(fields: ${JSON.stringify(parts)})
  """Agency codes of the agencies whose cells are missing from this report because they did not answer or refused."""
  missingAgencies: [String!] @requires(fields: ${JSON.stringify(parts)})`,
      ],
    });
    queryFields.push(`  """Monthly statistics of every agency (statistics convention) for analysts; small counts suppressed."""
  statistics(
    """First month, YYYY-MM."""
    fromMonth: String!
    """Last month, YYYY-MM (inclusive, at most 36 months after fromMonth)."""
    toMonth: String!
    """OKTMO code of one territory; the whole region when left out."""
    territoryOktmo: ID
  ): StatisticsReport`);
  }

  if (nodeTypes.length) {
    hubTypes.push(`"""
A record of any agency that a client can refetch by its global id (\`<Type>:<uuid>\`) with \`node(id:)\`; the router
fetches it from the agency that owns it, under that agency's policy (CONVENTIONS §7.4).
"""
interface Node @key(fields: "id") {
  """The record's global id, \`<Type>:<uuid>\`: opaque to clients."""
  id: ID!
}`);
    for (const type of nodeTypes) entity(type, 'id');
    queryFields.push(`  """
  The record behind a global id (a \`RouteStep.recordId\`, any \`id\` of a Node), fetched from its agency under that
  agency's policy: null with BAD_USER_INPUT for a text that is no global id of a Node type, null with the agency's
  error (FORBIDDEN, CONSENT_REQUIRED) for a record the caller may not read, and null for a record that does not exist.
  """
  node(
    """A global id, \`<Type>:<uuid>\`, as the API returned it."""
    id: ID!
  ): Node`);
  }
  if (queryFields.length)
    hubTypes.push(`"""The hub's own queries: statistics across agencies and refetching any record."""
type Query {
${queryFields.join('\n')}
}`);

  const entityTypes = [...entities.entries()].map(([type, { key, fields }]) => {
    const implementsNode = nodes.has(type) && key === 'id' ? ' implements Node' : '';
    return `${description(index.objects.get(type)?.description)}type ${type}${implementsNode} @key(fields: "${key}") {\n${fields.join('\n')}\n}`;
  });
  const hubSdl = hubTypes.join('\n');
  const shareable = typesReturnedByHub([...entityTypes, hubSdl].join('\n'), index);
  const copied: string[] = [];
  for (const type of [...required.valueTypes, ...shareable].filter((t, i, all) => all.indexOf(t) === i).sort()) {
    const shape = index.objects.get(type)!;
    if (shape.entity || type === 'PageInfo') continue;
    const own = shareable.has(type);
    const fields = index.selectable(type).map((f) => printField(f, own ? '' : ' @external'));
    copied.push(`${description(shape.description)}type ${type}${own ? ' @shareable' : ''} {\n${fields.join('\n')}\n}`);
    for (const f of index.selectable(type)) required.field(type, f.name.value);
  }
  if (offers.route || offers.accessLog) required.scalars.add('LocalDate');
  for (const name of [...required.enums].sort()) copied.push(print(index.enums.get(name)!));
  for (const name of [...required.scalars].sort()) copied.push(`${description(index.scalars.get(name)?.description)}scalar ${name}`);

  const sdl = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires"])

${[...entityTypes, hubSdl, ...copied].join('\n\n')}
`;
  const errorCodes = index.enums.get('ErrorCode');
  return {
    sdl: blockDescriptions(sdl) + '\n',
    contributions,
    offers,
    nodeTypes,
    retiredAgencies: [...(options.retiredAgencies ?? [])].sort(),
    retiredGapCode:
      !errorCodes || errorCodes.values?.some((v) => v.name.value === 'SUBGRAPH_RETIRED') ? 'SUBGRAPH_RETIRED' : 'SUBGRAPH_UNAVAILABLE',
  };
}
