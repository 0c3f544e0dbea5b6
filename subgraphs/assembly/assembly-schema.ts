import { Kind, parse, print, type EnumTypeDefinitionNode, type FieldDefinitionNode, type StringValueNode } from 'graphql';
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

/** Every type of the agencies' schemas by name, fields merged across subgraphs (a type's field is the same wherever it is declared). */
class TypeIndex {
  readonly objects = new Map<string, ObjectShape>();
  readonly enums = new Map<string, EnumTypeDefinitionNode>();
  readonly scalars = new Set<string>();

  constructor(subgraphSdls: Record<string, string>) {
    for (const sdl of Object.values(subgraphSdls)) {
      for (const d of parse(sdl).definitions) {
        if (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION) {
          const shape: ObjectShape = this.objects.get(d.name.value) ?? { fields: new Map(), entity: false };
          if (d.kind === Kind.OBJECT_TYPE_DEFINITION) shape.description ??= d.description;
          shape.entity ||= (d.directives ?? []).some((x) => x.name.value === 'key');
          for (const f of d.fields ?? []) if (!shape.fields.has(f.name.value)) shape.fields.set(f.name.value, f);
          this.objects.set(d.name.value, shape);
        } else if (d.kind === Kind.ENUM_TYPE_DEFINITION && !this.enums.has(d.name.value)) this.enums.set(d.name.value, d);
        else if (d.kind === Kind.SCALAR_TYPE_DEFINITION && !d.name.value.startsWith('_')) this.scalars.add(d.name.value);
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

const description = (node?: StringValueNode) => (node ? `${print(node)}\n` : '');

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
}

/**
 * The assembly subgraph for a set of agency subgraphs: `Family.route`, `Person.accessLog`, `Territory.resourceMap`
 * and `statistics(...)`, each `@requires`-ing the contributions the agencies declare under the hub's conventions.
 * It is generated when the supergraph is composed, so a partner that follows the conventions joins with a
 * recomposition and no code change (schema/CONVENTIONS.md).
 */
export function buildAssembly(subgraphSdls: Record<string, string>): Assembly {
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
  const hubTypes: string[] = [];
  const entities: string[] = [];
  const externals = (list: Contribution[]) => list.map((c) => printField(index.field(c.parentType, c.field), ' @external'));

  if (offers.route) {
    const parts = routes.map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    const person = `id ${required.field('Person', 'firstName')} ${required.field('Person', 'lastName')} ${parts}`;
    const requires = `${required.field('Family', 'displayName')} members { ${required.field('FamilyMember', 'relation')} person { ${person} } }`;
    hubTypes.push(ROUTE_SCHEMA, ROUTE_REFERENCES);
    entities.push(`type Family @key(fields: "id") {
  id: ID!
${printField(index.field('Family', 'displayName'), ' @external')}
${printField(index.field('Family', 'members'), ' @external')}
  "The family's route across all agencies (route convention): null when the family cannot be read."
  route: FamilyRoute @requires(fields: ${JSON.stringify(requires)})
}

type FamilyMember {
${printField(index.field('FamilyMember', 'relation'), ' @external')}
${printField(index.field('FamilyMember', 'person'), ' @external')}
}`);
  }
  const personFields: string[] = [];
  if (offers.route) {
    personFields.push(
      printField(index.field('Person', 'firstName'), ' @external'),
      printField(index.field('Person', 'lastName'), ' @external'),
      ...externals(routes),
    );
  }
  if (offers.accessLog) {
    const requires = logs.map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    const entry = index.objects.get(logs[0].type)!;
    hubTypes.push(`"One access to a person's data, as the agency that holds the data recorded it."
type AccessLogEntry {
${[...entry.fields.values()].map((f) => printField(f)).join('\n')}
}`);
    personFields.push(
      ...externals(logs),
      `  "Who accessed this person's data in any agency, newest first (access-log convention; the coordinator of the person's family)."
  accessLog: [AccessLogEntry!] @requires(fields: ${JSON.stringify(requires)})`,
    );
  }
  if (personFields.length) entities.push(`type Person @key(fields: "id") {\n  id: ID!\n${personFields.join('\n')}\n}`);

  if (offers.resourceMap) {
    const parts = [...resources, ...(demand ? [demand] : [])].map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    hubTypes.push(RESOURCE_MAP_SCHEMA);
    entities.push(`type Territory @key(fields: "oktmo") {
  oktmo: ID!
${externals([...resources, ...(demand ? [demand] : [])]).join('\n')}
  "Supply and demand on the territory, assembled from every agency's resources (resource-map convention)."
  resourceMap: ResourceMap @requires(fields: ${JSON.stringify(parts)})
}`);
  }
  if (offers.statistics) {
    const parts = statistics.map((c) => `${c.field} { ${required.shape(c.type)} }`).join(' ');
    entities.push(`type StatisticsReport @key(fields: "fromMonth toMonth territoryOktmo") {
${['fromMonth', 'toMonth', 'territoryOktmo'].map((f) => printField(index.field('StatisticsReport', f))).join('\n')}
${externals(statistics).join('\n')}
  "Every agency's cells for the period (statistics convention), small counts suppressed by each agency."
  cells: [StatisticCell!]! @requires(fields: ${JSON.stringify(parts)})
  "Agencies whose cells are missing from this report because they did not answer or refused."
  missingAgencies: [String!]! @requires(fields: ${JSON.stringify(parts)})
}

type Query {
  "Monthly statistics of every agency (statistics convention) for analysts; small counts suppressed."
  statistics(fromMonth: String!, toMonth: String!, territoryOktmo: ID): StatisticsReport!
}`);
  }

  const hubSdl = hubTypes.join('\n');
  const shareable = typesReturnedByHub([...entities, hubSdl].join('\n'), index);
  const copied: string[] = [];
  for (const type of [...required.valueTypes, ...shareable].filter((t, i, all) => all.indexOf(t) === i).sort()) {
    const shape = index.objects.get(type)!;
    if (shape.entity) continue;
    const own = shareable.has(type);
    const fields = index.selectable(type).map((f) => printField(f, own ? '' : ' @external'));
    copied.push(`${description(shape.description)}type ${type}${own ? ' @shareable' : ''} {\n${fields.join('\n')}\n}`);
    for (const f of index.selectable(type)) required.field(type, f.name.value);
  }
  for (const name of [...required.enums].sort()) copied.push(print(index.enums.get(name)!));
  for (const name of [...required.scalars].sort()) copied.push(`scalar ${name}`);

  const sdl = `extend schema
  @link(url: "https://specs.apollo.dev/federation/v2.5", import: ["@key", "@shareable", "@external", "@requires"])

${[...entities, hubSdl, ...copied].join('\n\n')}
`;
  return { sdl: print(parse(sdl)) + '\n', contributions, offers };
}
