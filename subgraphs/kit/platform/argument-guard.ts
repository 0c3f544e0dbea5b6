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
import { assertDatabaseUuid, assertStorableText } from './input-rules';

/**
 * Every argument of every field of a subgraph passes the same two checks before its resolver runs, whether it
 * came as a literal or a variable: text must be storable (no NUL), and an `ID` named `id`, `…Id` or `…Ids` is a
 * hub record id (a uuid). One rule for the whole schema, so a new mutation cannot forget it (schema/CONVENTIONS.md §5).
 * Other `ID`s (an OKTMO code, an aid code) are only checked as text.
 */
export function guardArguments(schema: GraphQLSchema): GraphQLSchema {
  for (const type of Object.values(schema.getTypeMap())) {
    if (!isObjectType(type) || type.name.startsWith('__')) continue;
    for (const field of Object.values(type.getFields())) {
      // Entity representations are built by the gateway from the hub's own records, not typed by a caller.
      if (!field.args.length || field.name === '_entities') continue;
      const resolve = field.resolve ?? defaultFieldResolver;
      const args = field.args;
      field.resolve = (source, values, context, info) => {
        checkArguments(args, values);
        return resolve(source, values, context, info);
      };
    }
  }
  return schema;
}

export function checkArguments(args: readonly GraphQLArgument[], values: Record<string, unknown>): void {
  for (const arg of args) checkValue(arg.type, values[arg.name], arg.name, arg.name);
}

const RECORD_ID = /^(id|ids)$|[a-z]Ids?$/;

function checkValue(type: GraphQLInputType, value: unknown, name: string, path: string): void {
  if (value === null || value === undefined) return;
  if (isNonNullType(type)) return checkValue(type.ofType, value, name, path);
  if (isListType(type)) {
    if (Array.isArray(value)) value.forEach((item, i) => checkValue(type.ofType, item, name, `${path}[${i}]`));
    return;
  }
  if (isInputObjectType(type)) {
    const fields = type.getFields();
    for (const [key, item] of Object.entries(value as Record<string, unknown>)) {
      if (fields[key]) checkValue(fields[key].type, item, key, `${path}.${key}`);
    }
    return;
  }
  if (typeof value !== 'string') return;
  assertStorableText(value, path);
  if (getNamedType(type).name === 'ID' && RECORD_ID.test(name)) assertDatabaseUuid(value, path);
}
