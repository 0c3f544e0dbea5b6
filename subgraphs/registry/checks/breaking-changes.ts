import {
  buildSchema,
  BreakingChangeType,
  findBreakingChanges,
  getNamedType,
  isInputObjectType,
  isInterfaceType,
  isObjectType,
  type GraphQLField,
  type GraphQLSchema,
} from 'graphql';

/** The kinds of breaking change the registry tells apart (issue 16 §2). */
export type BreakingChangeKind =
  'FIELD_REMOVED' | 'TYPE_REMOVED' | 'TYPE_CHANGED' | 'NULLABILITY_CHANGED' | 'ENUM_VALUE_REMOVED' | 'ARGUMENT_CHANGED';

export interface BreakingChange {
  kind: BreakingChangeKind;
  /** The schema coordinate changed: `Type`, `Type.field`, `Type.field(arg:)` or `Enum.VALUE`. */
  coordinate: string;
  message: string;
  /** True when real operations used what changed within the usage window: then the change is refused. */
  blocking: boolean;
  /** The `Type.field` coordinates whose usage decides `blocking`. */
  usedBy: string[];
}

const stripNonNull = (type: string) => type.replace(/!/g, '');

/** Every `Type.field` of the schema whose result or arguments lead to `typeName`. */
function fieldsUsing(schema: GraphQLSchema, typeName: string): string[] {
  const found: string[] = [];
  for (const type of Object.values(schema.getTypeMap())) {
    if (type.name.startsWith('__') || !(isObjectType(type) || isInterfaceType(type))) continue;
    for (const field of Object.values(type.getFields()) as GraphQLField<unknown, unknown>[]) {
      const uses = getNamedType(field.type).name === typeName || field.args.some((a) => getNamedType(a.type).name === typeName);
      if (uses) found.push(`${type.name}.${field.name}`);
    }
  }
  return found;
}

function fieldsOf(schema: GraphQLSchema, typeName: string): string[] {
  const type = schema.getType(typeName);
  if (!type || !(isObjectType(type) || isInterfaceType(type) || isInputObjectType(type))) return [];
  return Object.keys(type.getFields()).map((f) => `${typeName}.${f}`);
}

/** The kind, coordinate and usage coordinates of one graphql-js breaking change, read from its (stable) description. */
function classify(
  change: { type: BreakingChangeType; description: string },
  current: GraphQLSchema,
): Omit<BreakingChange, 'blocking'> | null {
  const d = change.description;
  const match = (re: RegExp) => re.exec(d) ?? [];
  switch (change.type) {
    case BreakingChangeType.TYPE_REMOVED: {
      const [, type] = match(/^(\S+) was removed\./);
      return { kind: 'TYPE_REMOVED', coordinate: type, message: d, usedBy: [...fieldsOf(current, type), ...fieldsUsing(current, type)] };
    }
    case BreakingChangeType.TYPE_CHANGED_KIND: {
      const [, type] = match(/^(\S+) changed from/);
      return { kind: 'TYPE_CHANGED', coordinate: type, message: d, usedBy: [...fieldsOf(current, type), ...fieldsUsing(current, type)] };
    }
    case BreakingChangeType.TYPE_REMOVED_FROM_UNION: {
      const [, member, union] = match(/^(\S+) was removed from union type (\S+)\./);
      return {
        kind: 'TYPE_CHANGED',
        coordinate: union,
        message: d,
        usedBy: [...fieldsUsing(current, union), ...fieldsOf(current, member)],
      };
    }
    case BreakingChangeType.IMPLEMENTED_INTERFACE_REMOVED: {
      const [, type, iface] = match(/^(\S+) no longer implements interface (\S+)\./);
      return { kind: 'TYPE_CHANGED', coordinate: type, message: d, usedBy: [...fieldsUsing(current, iface), ...fieldsOf(current, type)] };
    }
    case BreakingChangeType.VALUE_REMOVED_FROM_ENUM: {
      const [, value, type] = match(/^(\S+) was removed from enum type (\S+)\./);
      return { kind: 'ENUM_VALUE_REMOVED', coordinate: `${type}.${value}`, message: d, usedBy: fieldsUsing(current, type) };
    }
    case BreakingChangeType.FIELD_REMOVED: {
      const [, coordinate, type] = match(/^((\S+)\.\S+) was removed\./);
      // A removed input field breaks the fields that take its input type.
      const input = isInputObjectType(current.getType(type));
      return { kind: 'FIELD_REMOVED', coordinate, message: d, usedBy: input ? fieldsUsing(current, type) : [coordinate] };
    }
    case BreakingChangeType.FIELD_CHANGED_KIND: {
      const [, coordinate, type, from, to] = match(/^((\S+)\.\S+) changed type from (\S+) to (\S+)\./);
      const kind = stripNonNull(from) === stripNonNull(to) ? 'NULLABILITY_CHANGED' : 'TYPE_CHANGED';
      const input = isInputObjectType(current.getType(type));
      return { kind, coordinate, message: d, usedBy: input ? fieldsUsing(current, type) : [coordinate] };
    }
    case BreakingChangeType.REQUIRED_INPUT_FIELD_ADDED: {
      const [, field, type] = match(/^A required field (\S+) on input type (\S+) was added\./);
      return { kind: 'ARGUMENT_CHANGED', coordinate: `${type}.${field}`, message: d, usedBy: fieldsUsing(current, type) };
    }
    case BreakingChangeType.ARG_REMOVED:
    case BreakingChangeType.ARG_CHANGED_KIND: {
      const [, coordinate, arg] = match(/^(\S+\.\S+) arg (\S+) (?:was removed|has changed type)/);
      return { kind: 'ARGUMENT_CHANGED', coordinate: `${coordinate}(${arg}:)`, message: d, usedBy: [coordinate] };
    }
    case BreakingChangeType.REQUIRED_ARG_ADDED: {
      const [, arg, coordinate] = match(/^A required arg (\S+) on (\S+\.\S+) was added\./);
      return { kind: 'ARGUMENT_CHANGED', coordinate: `${coordinate}(${arg}:)`, message: d, usedBy: [coordinate] };
    }
    default:
      // Directive changes: the API schema clients see carries no directives they could break on.
      return null;
  }
}

/**
 * What a candidate API schema breaks for clients of the current one, classified, each blocking when real operations
 * touched it within the usage window (`used` answers for a `Type.field` coordinate) and a warning otherwise.
 */
export function findSchemaBreakingChanges(
  currentApiSdl: string,
  candidateApiSdl: string,
  used: (coordinate: string) => boolean,
): BreakingChange[] {
  const current = buildSchema(currentApiSdl);
  const candidate = buildSchema(candidateApiSdl);
  return findBreakingChanges(current, candidate)
    .map((change) => classify(change, current))
    .filter((c): c is Omit<BreakingChange, 'blocking'> => c !== null && !!c.coordinate)
    .map((c) => ({ ...c, usedBy: [...new Set(c.usedBy)], blocking: c.usedBy.some(used) }));
}
