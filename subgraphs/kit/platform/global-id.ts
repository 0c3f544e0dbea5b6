import { defaultFieldResolver, getNamedType, isObjectType, Kind, type GraphQLSchema } from 'graphql';
import { badInput } from './errors';
import { DATABASE_UUID } from './input-rules';

/**
 * Global ids (schema/CONVENTIONS.md §7.4): a record's `id` in the API is `<Type>:<uuid>`, so `node(id:)` knows whose
 * record it is and which agency to ask. Clients treat it as opaque. Only the API sees global ids: the kit encodes
 * them on the way out and decodes them on the way in, and resolvers and databases keep uuids.
 */
const GLOBAL_ID = /^([A-Z][A-Za-z0-9]*):(.+)$/;

export function globalId(type: string, id: string): string {
  return GLOBAL_ID.test(id) ? id : `${type}:${id}`;
}

export interface DecodedId {
  type: string;
  id: string;
}

/** The type and uuid of a global id; null when the text is not one. */
export function parseGlobalId(value: string): DecodedId | null {
  const match = GLOBAL_ID.exec(value);
  return match && DATABASE_UUID.test(match[2]) ? { type: match[1], id: match[2] } : null;
}

/** The uuid behind a global id of the expected type (any type when none is expected); a coded refusal otherwise. */
export function decodeGlobalId(value: string, argument: string, expectedType?: string): string {
  const decoded = parseGlobalId(value);
  // `field` is the input's own name (`familyId` of `input.familyId`), as every refusal of the argument guard names it.
  const field =
    argument
      .replace(/\[\d+\]/g, '')
      .split('.')
      .pop() ?? argument;
  if (!decoded) throw badInput(`${argument} is not an id of the hub`, { field, argument });
  if (expectedType && decoded.type !== expectedType) {
    throw badInput(`${argument} is an id of a ${decoded.type}, not of a ${expectedType}`, { field, argument });
  }
  return decoded.id;
}

/**
 * The types of a subgraph whose records have global ids: the entities keyed by `id` (Person, Family, Organization
 * and every agency record a client can refetch), plus the hub's shared entities even where a subgraph does not
 * declare them (a `…Id` of an organization is an Organization's id everywhere).
 */
export function nodeTypeNames(schema: GraphQLSchema): Set<string> {
  const names = new Set(['Person', 'Family', 'Organization']);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || !type.astNode) continue;
    const keyedById = [type.astNode, ...type.extensionASTNodes].some((node) =>
      (node.directives ?? []).some(
        (d) =>
          d.name.value === 'key' &&
          d.arguments?.some((a) => a.name.value === 'fields' && a.value.kind === Kind.STRING && a.value.value.trim() === 'id'),
      ),
    );
    if (keyedById) names.add(type.name);
  }
  return names;
}

/**
 * The type an id field or argument names: `personId` → Person, `executorOrganizationId` → Organization (the longest
 * ending that names a node type), `id` → the given owner. Null when the name names no node type (`stepId`, `recordId`).
 */
export function nodeTypeOfName(name: string, nodeTypes: Set<string>, owner?: string): string | null {
  if (name === 'id' || name === 'ids') return owner && nodeTypes.has(owner) ? owner : null;
  const match = /^(.*[a-z0-9])Ids?$/.exec(name);
  if (!match) return null;
  const words = match[1].replace(/^./, (c) => c.toUpperCase()).split(/(?=[A-Z])/);
  for (let i = 0; i < words.length; i++) {
    const candidate = words.slice(i).join('');
    if (nodeTypes.has(candidate)) return candidate;
  }
  return null;
}

const encodeValue = (type: string, value: unknown): unknown =>
  typeof value === 'string' ? globalId(type, value) : Array.isArray(value) ? value.map((v) => encodeValue(type, v)) : value;

/**
 * Puts global ids on a subgraph's output and takes them off its entity references: each `id` of a node type and each
 * `…Id` field naming one leaves as `<Type>:<uuid>`; a representation's `id` reaches the reference resolver as the uuid.
 */
export function applyGlobalIds(schema: GraphQLSchema): GraphQLSchema {
  const nodeTypes = nodeTypeNames(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__') || type.name.startsWith('_')) continue;
    for (const field of Object.values(type.getFields())) {
      if (getNamedType(field.type).name !== 'ID') continue;
      const nodeType = nodeTypeOfName(field.name, nodeTypes, type.name);
      if (!nodeType) continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      field.resolve = (source, args, context, info) => {
        const value = resolve(source, args, context, info);
        return isPromiseLike(value) ? value.then((v) => encodeValue(nodeType, v)) : encodeValue(nodeType, value);
      };
    }
    if (!nodeTypes.has(type.name)) continue;
    const extensions = type.extensions as { apollo?: { subgraph?: { resolveReference?: ReferenceResolver } } };
    const subgraph = ((extensions.apollo ??= {}).subgraph ??= {});
    const resolveReference = subgraph.resolveReference;
    subgraph.resolveReference = (reference, context, info) => {
      const decoded = typeof reference.id === 'string' ? parseGlobalId(reference.id) : null;
      const local = decoded ? { ...reference, id: decoded.id } : reference;
      return resolveReference ? resolveReference(local, context, info) : local;
    };
  }
  return schema;
}

type ReferenceResolver = (reference: { id?: unknown }, context: unknown, info: unknown) => unknown;

function isPromiseLike(value: unknown): value is Promise<unknown> {
  return typeof (value as Promise<unknown> | null)?.then === 'function';
}
