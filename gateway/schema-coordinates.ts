import {
  Kind,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type OperationDefinitionNode,
} from 'graphql';

/**
 * The schema coordinates (`Type.field`) an operation touches: the fields of its selection, through its fragments, each
 * named on the type it is selected on (an interface's field selected on the interface is the interface's). Meta
 * fields (`__typename`, introspection) are left out. Names only: arguments, variables and values never appear, so a
 * coordinate holds no personal data. The operation is the one `operationName` names, or the document's only one.
 */
export function schemaCoordinates(schema: GraphQLSchema, document: DocumentNode, operationName?: string | null): string[] {
  const operations = document.definitions.filter((d): d is OperationDefinitionNode => d.kind === Kind.OPERATION_DEFINITION);
  const operation = operationName
    ? operations.find((o) => o.name?.value === operationName)
    : operations.length === 1
      ? operations[0]
      : null;
  if (!operation) return [];
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((f) => [f.name.value, f]),
  );
  const found = new Set<string>();
  const seenFragments = new Set<string>();
  const walk = (node: OperationDefinitionNode | FragmentDefinitionNode) => {
    const typeInfo = new TypeInfo(schema);
    visit(
      node,
      visitWithTypeInfo(typeInfo, {
        Field(field) {
          // A meta field (`__typename`, `__schema`, `__type`) is no field of the hub's: skipped with what it selects.
          if (field.name.value.startsWith('__')) return false;
          const parent = typeInfo.getParentType();
          if (parent && typeInfo.getFieldDef()) found.add(`${parent.name}.${field.name.value}`);
          return undefined;
        },
        FragmentSpread(spread) {
          const fragment = fragments.get(spread.name.value);
          if (!fragment || seenFragments.has(fragment.name.value)) return;
          seenFragments.add(fragment.name.value);
          walk(fragment);
        },
      }),
    );
  };
  walk(operation);
  return [...found].sort();
}
