import { createHash } from 'node:crypto';
import {
  Kind,
  parse,
  print,
  TypeInfo,
  visit,
  visitWithTypeInfo,
  type DocumentNode,
  type FieldNode,
  type FragmentDefinitionNode,
  type GraphQLSchema,
  type InlineFragmentNode,
  type OperationDefinitionNode,
  type SelectionNode,
  type SelectionSetNode,
} from 'graphql';

/** An error the planner reported inside an injected selection, with its path relative to it. */
export interface InjectedError {
  message: string;
  path: (string | number)[];
  extensions?: Record<string, unknown>;
}

export interface VirtualFieldResult {
  value: unknown;
  /** Errors to report at the virtual field (for example an agency that did not answer). */
  errors?: { message: string; extensions?: Record<string, unknown> }[];
}

/**
 * A field the gateway assembles from fields that subgraphs contribute by convention (the family
 * route, a person's access log, a territory's resource map). It is answered by rewriting the
 * client's operation into an ordinary federated one — so every datum is still fetched by the
 * planner from the subgraph that owns it, under that subgraph's own authorization — and merging
 * what came back. No authorization decision is made here.
 */
export interface VirtualField {
  parentType: string;
  fieldName: string;
  /** Selections, on the parent type, fetched in place of the virtual field (may use the field's arguments). */
  expansion: string | ((field: FieldNode) => string);
  /**
   * Selections fetched once at the root of the operation (reference data for labels); a function is asked for
   * every operation and may answer null when the field holds fresh reference data of its own.
   */
  rootExpansion?: string | (() => string | null);
  resolve(input: {
    parent: Record<string, unknown>;
    injected: Record<string, unknown>;
    root: Record<string, unknown>;
    errors: InjectedError[];
  }): VirtualFieldResult;
}

interface Placement {
  field: VirtualField;
  node: FieldNode;
}

export interface RewrittenOperation {
  document: DocumentNode;
  source: string;
  queryHash: string;
  placements: Map<string, Placement>;
  rootFields: Map<string, VirtualField>;
}

const HUB = '__hub_';

/** Replaces each virtual field of the operation by its expansion, aliased so it can be found again. */
export function rewriteOperation(document: DocumentNode, schema: GraphQLSchema, fields: VirtualField[]): RewrittenOperation | null {
  const byKey = new Map(fields.map((f) => [`${f.parentType}.${f.fieldName}`, f]));
  const placements = new Map<string, Placement>();
  const rootFields = new Map<string, VirtualField>();
  const typeInfo = new TypeInfo(schema);
  let counter = 0;
  const rewritten = visit(
    document,
    visitWithTypeInfo(typeInfo, {
      Field(node) {
        const parent = typeInfo.getParentType();
        const field = parent && byKey.get(`${parent.name}.${node.name.value}`);
        if (!field) return undefined;
        const id = String(counter++);
        placements.set(id, { field, node });
        const rootExpansion = rootExpansionOf(field);
        if (rootExpansion) rootFields.set(`${field.parentType}.${field.fieldName}`, { ...field, rootExpansion });
        const text = typeof field.expansion === 'string' ? field.expansion : field.expansion(node);
        const expansion = parse(`{ ${text} }`).definitions[0] as OperationDefinitionNode;
        const selections = expansion.selectionSet.selections.map((selection) => {
          const f = selection as FieldNode;
          return { ...f, alias: { kind: Kind.NAME, value: `${HUB}${id}_${f.alias?.value ?? f.name.value}` } } as FieldNode;
        });
        const fragment: InlineFragmentNode = {
          kind: Kind.INLINE_FRAGMENT,
          directives: node.directives,
          selectionSet: { kind: Kind.SELECTION_SET, selections },
        };
        return fragment;
      },
    }),
  );
  if (placements.size === 0) return null;
  const withRoot = dropUnusedFragments(rootFields.size ? addRootSelections(rewritten, rootFields) : rewritten);
  const source = print(withRoot);
  return { document: withRoot, source, queryHash: createHash('sha256').update(source).digest('hex'), placements, rootFields };
}

export function rootExpansionOf(field: VirtualField): string | null {
  return (typeof field.rootExpansion === 'function' ? field.rootExpansion() : field.rootExpansion) ?? null;
}

function addRootSelections(document: DocumentNode, rootFields: Map<string, VirtualField>): DocumentNode {
  const extra: SelectionNode[] = [];
  for (const [key, field] of rootFields) {
    const op = parse(`{ ${field.rootExpansion} }`).definitions[0] as OperationDefinitionNode;
    for (const selection of op.selectionSet.selections) {
      const f = selection as FieldNode;
      extra.push({ ...f, alias: { kind: Kind.NAME, value: `${HUB}root_${key.replace('.', '_')}_${f.alias?.value ?? f.name.value}` } });
    }
  }
  return {
    ...document,
    definitions: document.definitions.map((d) =>
      d.kind === Kind.OPERATION_DEFINITION && d.operation === 'query'
        ? { ...d, selectionSet: { ...d.selectionSet, selections: [...d.selectionSet.selections, ...extra] } }
        : d,
    ),
  };
}

/** Fragments used only inside a replaced virtual field would make the rewritten operation invalid. */
function dropUnusedFragments(document: DocumentNode): DocumentNode {
  const fragments = new Map(
    document.definitions.filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION).map((d) => [d.name.value, d]),
  );
  const used = new Set<string>();
  const collect = (node: DocumentNode | FragmentDefinitionNode | OperationDefinitionNode) =>
    visit(node, {
      FragmentSpread(spread) {
        if (used.has(spread.name.value)) return;
        used.add(spread.name.value);
        const fragment = fragments.get(spread.name.value);
        if (fragment) collect(fragment);
      },
    });
  for (const definition of document.definitions) if (definition.kind === Kind.OPERATION_DEFINITION) collect(definition);
  return {
    ...document,
    definitions: document.definitions.filter((d) => d.kind !== Kind.FRAGMENT_DEFINITION || used.has(d.name.value)),
  };
}

interface ResponseError {
  message: string;
  path?: readonly (string | number)[];
  extensions?: Record<string, unknown>;
  locations?: unknown;
}

/** Puts each virtual field's value where the client asked for it, shaped by the client's selection. */
export function assembleResult(
  rewritten: RewrittenOperation,
  originalDocument: DocumentNode,
  data: Record<string, unknown> | null | undefined,
  errors: readonly ResponseError[] | undefined,
): { data: Record<string, unknown> | null | undefined; errors: ResponseError[] | undefined } {
  if (!data) return { data, errors: errors ? [...errors] : undefined };
  const fragments = new Map(
    originalDocument.definitions
      .filter((d): d is FragmentDefinitionNode => d.kind === Kind.FRAGMENT_DEFINITION)
      .map((d) => [d.name.value, d]),
  );
  const root: Record<string, Record<string, unknown>> = {};
  for (const key of Object.keys(data)) {
    const match = /^__hub_root_(\w+?_\w+?)_(\w+)$/.exec(key);
    if (!match) continue;
    const [, fieldKey, name] = match;
    (root[fieldKey] ??= {})[name] = data[key];
    delete data[key];
  }
  const injectedErrors = new Map<string, InjectedError[]>();
  const remaining: ResponseError[] = [];
  for (const error of errors ?? []) {
    const path = error.path ?? [];
    const at = path.findIndex((p) => typeof p === 'string' && p.startsWith(HUB) && !p.startsWith(`${HUB}root_`));
    if (at < 0) {
      if (!path.some((p) => typeof p === 'string' && p.startsWith(`${HUB}root_`))) remaining.push(error);
      continue;
    }
    const segment = path[at] as string;
    const id = segment.slice(HUB.length).split('_')[0];
    const key = `${JSON.stringify(path.slice(0, at))}#${id}`;
    const list = injectedErrors.get(key) ?? [];
    list.push({
      message: error.message,
      path: [segment.slice(HUB.length + id.length + 1), ...path.slice(at + 1)],
      extensions: error.extensions,
    });
    injectedErrors.set(key, list);
  }

  const consumed = new Set<string>();
  const walk = (value: unknown, path: (string | number)[]): void => {
    if (Array.isArray(value)) {
      value.forEach((item, i) => walk(item, [...path, i]));
      return;
    }
    if (!value || typeof value !== 'object') return;
    const object = value as Record<string, unknown>;
    const injectedById = new Map<string, Record<string, unknown>>();
    for (const key of Object.keys(object)) {
      if (!key.startsWith(HUB)) continue;
      const rest = key.slice(HUB.length);
      const id = rest.split('_')[0];
      const entry = injectedById.get(id) ?? {};
      entry[rest.slice(id.length + 1)] = object[key];
      injectedById.set(id, entry);
      delete object[key];
    }
    for (const key of Object.keys(object)) walk(object[key], [...path, key]);
    for (const [id, injected] of injectedById) {
      const placement = rewritten.placements.get(id);
      if (!placement) continue;
      const responseKey = placement.node.alias?.value ?? placement.node.name.value;
      const fieldKey = `${placement.field.parentType}_${placement.field.fieldName}`;
      consumed.add(`${JSON.stringify(path)}#${id}`);
      const result = placement.field.resolve({
        parent: object,
        injected,
        root: root[fieldKey] ?? {},
        errors: injectedErrors.get(`${JSON.stringify(path)}#${id}`) ?? [],
      });
      object[responseKey] = project(result.value, placement.node.selectionSet, fragments);
      for (const error of result.errors ?? []) remaining.push({ ...error, path: [...path, responseKey] });
    }
  };
  walk(data, []);
  // Errors inside an injected selection whose object did not survive (null propagation) are still
  // reported, at the client's field rather than at an internal alias.
  for (const [key, list] of injectedErrors) {
    if (consumed.has(key)) continue;
    const [prefix, id] = key.split('#');
    const placement = rewritten.placements.get(id);
    const responseKey = placement ? (placement.node.alias?.value ?? placement.node.name.value) : 'unknown';
    for (const error of list)
      remaining.push({ message: error.message, extensions: error.extensions, path: [...JSON.parse(prefix), responseKey] });
  }
  return { data, errors: remaining.length ? remaining : undefined };
}

/** Shapes a plain object by a selection set: aliases, nested fields, fragments, __typename. */
export function project(
  value: unknown,
  selectionSet: SelectionSetNode | undefined,
  fragments: Map<string, FragmentDefinitionNode>,
): unknown {
  if (value === null || value === undefined || !selectionSet) return value ?? null;
  if (Array.isArray(value)) return value.map((item) => project(item, selectionSet, fragments));
  const source = value as Record<string, unknown>;
  const out: Record<string, unknown> = {};
  const apply = (set: SelectionSetNode) => {
    for (const selection of set.selections) {
      if (selection.kind === Kind.FIELD) {
        const key = selection.alias?.value ?? selection.name.value;
        out[key] = project(source[selection.name.value], selection.selectionSet, fragments);
      } else if (selection.kind === Kind.INLINE_FRAGMENT) {
        const condition = selection.typeCondition?.name.value;
        if (!condition || condition === source.__typename) apply(selection.selectionSet);
      } else {
        const fragment = fragments.get(selection.name.value);
        if (fragment && fragment.typeCondition.name.value === source.__typename) apply(fragment.selectionSet);
      }
    }
  };
  apply(selectionSet);
  return out;
}
