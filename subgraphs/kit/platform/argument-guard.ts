import {
  defaultFieldResolver,
  getNamedType,
  isInputObjectType,
  isListType,
  isNonNullType,
  isObjectType,
  type GraphQLArgument,
  type GraphQLInputType,
  type GraphQLSchema,
} from 'graphql';
import { decodeGlobalId, nodeTypeNames, nodeTypeOfName, parseGlobalId } from './global-id';
import { assertDatabaseUuid, assertStorableText } from './input-rules';

/**
 * Every argument of every field of a subgraph passes the same checks before its resolver runs, whether it came as a
 * literal or a variable: text must be storable (no NUL), and an `ID` named `id`, `…Id` or `…Ids` is a hub record's
 * global id (`<Type>:<uuid>`, of the type its name says: `personId` takes a Person's), which the resolver receives
 * as the uuid. One rule for the whole schema, so a new mutation cannot forget it (schema/CONVENTIONS.md §5, §7.4).
 * Other `ID`s (an OKTMO code, an aid code) are only checked as text.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  const nodeTypes = nodeTypeNames(schema);
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Entity representations are built by the gateway from the hub's own records, not typed by a caller.
      if (!field.args.length || field.name === '_entities') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      // `node(id:)` reads the type out of the id itself; elsewhere an `id` argument names the field's own type.
      const owner = field.name === 'node' ? undefined : getNamedType(field.type).name;
      const decode = field.name !== 'node';
      field.resolve = (source, values, context, info) =>
        resolve(source, checkArguments(args, values, { nodeTypes, owner, decode }), context, info);
    }
  }
  return schema;
}

interface IdRules {
  nodeTypes: Set<string>;
  owner?: string;
  decode: boolean;
}

/** The arguments as the resolver gets them: checked, with global ids turned into uuids. */
export function checkArguments(
  args: readonly GraphQLArgument[],
  values: Record<string, unknown>,
  ids: IdRules = { nodeTypes: new Set(), decode: false },
): Record<string, unknown> {
  const checked = { ...values };
  for (const arg of args) checked[arg.name] = checkValue(arg.type, values[arg.name], arg.name, arg.name, ids, ids.owner);
  return checked;
}

const RECORD_ID = /^(id|ids)$|[a-z]Ids?$/;

function checkValue(type: GraphQLInputType, value: unknown, name: string, path: string, ids: IdRules, owner?: string): unknown {
  if (value === null || value === undefined) return value;
  if (isNonNullType(type)) return checkValue(type.ofType, value, name, path, ids, owner);
  if (isListType(type)) {
    return Array.isArray(value)
      ? value.map((item, i) => checkValue(type.ofType, item, name, `${path}[${i}]`, ids, owner))
      : checkValue(type.ofType, value, name, path, ids, owner);
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    const checked: Record<string, unknown> = { ...(value as Record<string, unknown>) };
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      // An `id` inside an input names no type of its own: any record's id is accepted, and a wrong one is NOT_FOUND.
      if (fields[key]) checked[key] = checkValue(fields[key].type, item, key, `${path}.${key}`, ids);
    }
    return checked;
  }
  if (typeof value !== 'string') return value;
  assertStorableText(value, path);
  if (getNamedType(type).name !== 'ID' || !RECORD_ID.test(name)) return value;
  if (!ids.decode) {
    // `node(id:)`: the id itself says whose record it is; only its form is checked here.
    if (!parseGlobalId(value)) decodeGlobalId(value, path);
    return value;
  }
  const nodeType = nodeTypeOfName(name, ids.nodeTypes, owner);
  if (nodeType) return decodeGlobalId(value, path, nodeType);
  // An id of a record that is not a node (yet) leaves the API as its uuid, so that is what comes back in; a global id
  // is read as the uuid it holds, and a record of another type is then simply not found.
  if (parseGlobalId(value)) return decodeGlobalId(value, path);
  assertDatabaseUuid(value, path);
  return value;
}
