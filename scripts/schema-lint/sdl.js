// @ts-check
// Helpers the hub's schema rules share: each rule reads the file as a plain GraphQL document (graphql-js AST,
// locations included) rather than graphql-eslint's converted tree, so a rule is a short function over the SDL.
const { parse, getLocation, Kind } = require('graphql');

/** @param {import('eslint').Rule.RuleContext} context */
function documentOf(context) {
  const text = context.sourceCode.text;
  return { doc: parse(text, { noLocation: false }), text };
}

/**
 * @param {import('eslint').Rule.RuleContext} context
 * @param {string} text
 * @param {{ loc?: import('graphql').Location }} node
 * @param {string} message
 */
function report(context, text, node, message) {
  const start = getLocation({ body: text, name: '', locationOffset: { line: 1, column: 1 } }, node.loc?.start ?? 0);
  const end = getLocation({ body: text, name: '', locationOffset: { line: 1, column: 1 } }, node.loc?.end ?? 0);
  context.report({
    message,
    loc: { start: { line: start.line, column: start.column - 1 }, end: { line: end.line, column: end.column - 1 } },
  });
}

/** @param {import('graphql').TypeNode} type */
function namedType(type) {
  return type.kind === Kind.NAMED_TYPE ? type.name.value : namedType(type.type);
}

/** @param {import('graphql').TypeNode} type */
function isList(type) {
  if (type.kind === Kind.NON_NULL_TYPE) return isList(type.type);
  return type.kind === Kind.LIST_TYPE;
}

/** @param {import('graphql').TypeNode} type the list item type, or null when the type is no list */
function listItem(type) {
  if (type.kind === Kind.NON_NULL_TYPE) return listItem(type.type);
  return type.kind === Kind.LIST_TYPE ? type.type : null;
}

/** @param {{ directives?: readonly import('graphql').ConstDirectiveNode[] }} node @param {string} name */
function directive(node, name) {
  return (node.directives ?? []).find((d) => d.name.value === name);
}

/** @param {import('graphql').DocumentNode} doc */
function objectTypes(doc) {
  return /** @type {(import('graphql').ObjectTypeDefinitionNode | import('graphql').ObjectTypeExtensionNode | import('graphql').InterfaceTypeDefinitionNode)[]} */ (
    doc.definitions.filter(
      (d) => d.kind === Kind.OBJECT_TYPE_DEFINITION || d.kind === Kind.OBJECT_TYPE_EXTENSION || d.kind === Kind.INTERFACE_TYPE_DEFINITION,
    )
  );
}

/** Entities of a subgraph document: the types with a `@key`, and the field names their keys select. */
function entities(doc) {
  /** @type {Map<string, Set<string>>} */
  const keys = new Map();
  for (const type of objectTypes(doc)) {
    for (const key of (type.directives ?? []).filter((d) => d.name.value === 'key')) {
      const fields = key.arguments?.find((a) => a.name.value === 'fields');
      const names = fields && fields.value.kind === Kind.STRING ? fields.value.value.split(/[\s{}]+/).filter(Boolean) : [];
      const set = keys.get(type.name.value) ?? new Set();
      names.forEach((n) => set.add(n));
      keys.set(type.name.value, set);
    }
  }
  return keys;
}

/** @param {import('graphql').DocumentNode} doc */
function kindsByName(doc) {
  /** @type {Map<string, string>} */
  const kinds = new Map();
  for (const d of doc.definitions) if ('name' in d && d.name) kinds.set(d.name.value, d.kind.replace(/Extension$/, 'Definition'));
  return kinds;
}

module.exports = { documentOf, report, namedType, isList, listItem, directive, objectTypes, entities, kindsByName, Kind };

/**
 * A hub schema rule: `check` walks the parsed document and calls `fail(node, message)` for each finding.
 * @param {string} description what the rule asks, for `eslint --print-config` and the docs
 * @param {(doc: import('graphql').DocumentNode, fail: (node: { loc?: import('graphql').Location }, message: string) => void, options: any) => void} check
 * @returns {import('eslint').Rule.RuleModule}
 */
function defineRule(description, check) {
  return {
    meta: { type: 'problem', docs: { description }, schema: [{ type: 'object', additionalProperties: true }] },
    create(context) {
      return {
        Document() {
          const { doc, text } = documentOf(context);
          check(doc, (node, message) => report(context, text, node, message), context.options[0] ?? {});
        },
      };
    },
  };
}

module.exports.defineRule = defineRule;
