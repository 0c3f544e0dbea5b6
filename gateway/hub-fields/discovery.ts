import { Kind, parse, type FieldDefinitionNode, type TypeNode } from 'graphql';

/** A field some subgraph contributes under the hub's conventions, found in the composed supergraph. */
export interface Contribution {
  field: string;
  /** Subgraph (service) name that resolves it, e.g. `health`. */
  subgraph: string;
}

const namedType = (type: TypeNode): string => (type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type));

/**
 * Every field of `parentType` whose type is `valueType` (a list or not), with the subgraph that
 * owns it. This is how a partner's subgraph joins the route or the map: by adding such a field,
 * with no change to the gateway or to any other subgraph.
 */
export function discoverContributions(supergraphSdl: string, parentType: string, valueType: string): Contribution[] {
  const document = parse(supergraphSdl);
  const graphNames = new Map<string, string>();
  for (const definition of document.definitions) {
    if (definition.kind === Kind.ENUM_TYPE_DEFINITION && definition.name.value === 'join__Graph') {
      for (const value of definition.values ?? []) {
        const directive = value.directives?.find((d) => d.name.value === 'join__graph');
        const name = directive?.arguments?.find((a) => a.name.value === 'name')?.value;
        if (name?.kind === Kind.STRING) graphNames.set(value.name.value, name.value);
      }
    }
  }
  const contributions: Contribution[] = [];
  for (const definition of document.definitions) {
    if (
      (definition.kind !== Kind.OBJECT_TYPE_DEFINITION && definition.kind !== Kind.OBJECT_TYPE_EXTENSION) ||
      definition.name.value !== parentType
    ) {
      continue;
    }
    for (const field of (definition.fields ?? []) as FieldDefinitionNode[]) {
      if (namedType(field.type) !== valueType) continue;
      const join = field.directives?.find((d) => d.name.value === 'join__field');
      const graph = join?.arguments?.find((a) => a.name.value === 'graph')?.value;
      const subgraph = graph?.kind === Kind.ENUM ? graphNames.get(graph.value) : undefined;
      contributions.push({ field: field.name.value, subgraph: subgraph ?? 'unknown' });
    }
  }
  return contributions.sort((a, b) => a.field.localeCompare(b.field));
}
