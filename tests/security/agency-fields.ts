import { Kind, parse, type DocumentNode, type FieldDefinitionNode, type ObjectTypeDefinitionNode, type TypeNode } from 'graphql';

/** A field of a type social protection owns, with the agency that resolves it, as the composed supergraph declares it. */
export interface AgencyField {
  parentType: string;
  field: string;
  /** The agency that resolves it: its join__Graph value (HEALTH, RENTAL_FUND …), the hub's agency code by convention. */
  agency: string;
  /** The named type of the field's value (Ipra, HealthRoute, AccessLogEntryConnection …). */
  valueType: string;
  nullable: boolean;
  isList: boolean;
  /** The value is a connection (`{ edges { node } pageInfo totalCount }`, CONVENTIONS §7.5): ask for and read its `edges`. */
  isConnection: boolean;
  /** What to write after the field's name to ask for it. */
  selection: string;
  /**
   * The hub convention the field belongs to: an agency's part (tagged `hub-route`, `hub-access-log`, …) or the
   * assembled field itself (resolved by the ASSEMBLY graph), null for an agency's own records.
   */
  convention: string | null;
}

/** The convention an assembled field presents: the assembly subgraph's fields are the conventions' answers. */
const ASSEMBLED: Record<string, string> = { FamilyRoute: 'hub-route', AccessLogEntryConnection: 'hub-access-log' };

function conventionOf(field: FieldDefinitionNode, graphs: string[], valueType: string): string | null {
  if (graphs.includes('ASSEMBLY')) return ASSEMBLED[valueType] ?? null;
  const tag = field.directives?.find((d) => d.name.value === 'tag')?.arguments?.find((a) => a.name.value === 'name')?.value;
  return tag?.kind === Kind.STRING ? tag.value : null;
}

const OWNER = 'SOCIAL_PROTECTION';

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));
const isList = (type: TypeNode): boolean => (type.kind === Kind.NON_NULL_TYPE ? isList(type.type) : type.kind === Kind.LIST_TYPE);

function objectType(document: DocumentNode, name: string): ObjectTypeDefinitionNode | undefined {
  return document.definitions.find((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && d.name.value === name);
}

/** The subgraphs that resolve a field: its @join__field directives that are not `external`. */
function resolvingGraphs(field: FieldDefinitionNode): string[] {
  return (field.directives ?? [])
    .filter((d) => d.name.value === 'join__field')
    .filter((d) => !d.arguments?.some((a) => a.name.value === 'external' && a.value.kind === Kind.BOOLEAN && a.value.value))
    .flatMap(
      (d) => d.arguments?.filter((a) => a.name.value === 'graph').map((a) => (a.value.kind === Kind.ENUM ? a.value.value : '')) ?? [],
    );
}

/** A connection type per CONVENTIONS §7.5: an object type with a list field `edges`. */
function isConnectionType(document: DocumentNode, valueType: string): boolean {
  const edges = objectType(document, valueType)?.fields?.find((f) => f.name.value === 'edges');
  return edges !== undefined && isList(edges.type);
}

function selectionFor(document: DocumentNode, field: FieldDefinitionNode, valueType: string, convention: string | null): string {
  const required = (field.arguments ?? []).filter((a) => a.type.kind === Kind.NON_NULL_TYPE && !a.defaultValue);
  if (required.length > 0)
    throw new Error(`${field.name.value} needs arguments (${required.map((a) => a.name.value)}): teach this test to ask for it`);
  // The route convention answers a missing consent as `withheld` data; anything else composite is asked for by its type name.
  if (convention === 'hub-route') return valueType === 'FamilyRoute' ? ' { familyId gaps { code } }' : ' { agency withheld { code } }';
  // A connection is asked for through its edges, so that its records (and any refusal of them) are reached.
  if (isConnectionType(document, valueType)) return ' { edges { node { __typename } } }';
  const composite = document.definitions.some(
    (d) =>
      (d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.INTERFACE_TYPE_DEFINITION || d.kind === Kind.UNION_TYPE_DEFINITION) &&
      d.name.value === valueType,
  );
  return composite ? ' { __typename }' : '';
}

/**
 * Every field of `parentType` that an agency other than social protection resolves, read from the composed
 * supergraph, so that a field an agency adds tomorrow is checked without anyone listing it here.
 */
export function agencyFieldsOf(supergraphSdl: string, parentType: string): AgencyField[] {
  return resolvedFields(supergraphSdl, parentType, (graphs) => graphs.length > 0 && !graphs.includes(OWNER));
}

/** Every field of `parentType` that social protection itself resolves. */
export function ownerFieldsOf(supergraphSdl: string, parentType: string): AgencyField[] {
  return resolvedFields(supergraphSdl, parentType, (graphs) => graphs.includes(OWNER));
}

function resolvedFields(supergraphSdl: string, parentType: string, keep: (graphs: string[]) => boolean): AgencyField[] {
  const document = parse(supergraphSdl);
  const type = objectType(document, parentType);
  if (!type) throw new Error(`${parentType} is not in the supergraph`);
  return (type.fields ?? [])
    .map((field) => ({ field, graphs: resolvingGraphs(field) }))
    .filter(({ graphs }) => keep(graphs))
    .map(({ field, graphs }) => {
      const valueType = namedType(field.type);
      const convention = conventionOf(field, graphs, valueType);
      return {
        parentType,
        field: field.name.value,
        agency: graphs[0],
        valueType,
        nullable: field.type.kind !== Kind.NON_NULL_TYPE,
        isList: isList(field.type),
        isConnection: isConnectionType(document, valueType),
        selection: selectionFor(document, field, valueType, convention),
        convention,
      };
    });
}

/** Every field of every object type (roots excluded) whose value is a `valueType`, e.g. every path that reaches a Person. */
export function fieldsReturning(supergraphSdl: string, valueType: string): { parentType: string; field: string; nullable: boolean }[] {
  const roots = new Set(['Query', 'Mutation', 'Subscription']);
  return parse(supergraphSdl)
    .definitions.filter((d): d is ObjectTypeDefinitionNode => d.kind === Kind.OBJECT_TYPE_DEFINITION && !roots.has(d.name.value))
    .flatMap((type) =>
      (type.fields ?? [])
        .filter((f) => namedType(f.type) === valueType)
        .map((f) => ({ parentType: type.name.value, field: f.name.value, nullable: f.type.kind !== Kind.NON_NULL_TYPE })),
    );
}

/** Every field of one type with its nullability. */
export function fieldsOf(supergraphSdl: string, parentType: string): { field: string; nullable: boolean }[] {
  const type = objectType(parse(supergraphSdl), parentType);
  return (type?.fields ?? []).map((f) => ({ field: f.name.value, nullable: f.type.kind !== Kind.NON_NULL_TYPE }));
}
