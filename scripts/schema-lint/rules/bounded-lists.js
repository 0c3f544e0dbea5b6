// @ts-check
// CONVENTIONS §7.5: a list of records that grows with time is a connection; a list that cannot grow is named,
// with the reason it is bounded, in the conventions' table of bounded lists.
const { defineRule, objectTypes, listItem, namedType, kindsByName, directive, Kind } = require('../sdl');

const RECORD_KINDS = new Set([Kind.OBJECT_TYPE_DEFINITION, Kind.INTERFACE_TYPE_DEFINITION, Kind.UNION_TYPE_DEFINITION]);

module.exports = defineRule('Lists of records are connections unless their bound is justified in the conventions', (doc, fail, options) => {
  const bounded = new Set(options.justified ?? []);
  const kinds = kindsByName(doc);
  for (const type of objectTypes(doc)) {
    if (/(Connection|Edge)$/.test(type.name.value)) continue;
    for (const field of type.fields ?? []) {
      const item = listItem(field.type);
      if (!item || !RECORD_KINDS.has(kinds.get(namedType(item)) ?? '') || directive(field, 'external')) continue;
      // A payload's refusals: the kit answers at most one per mutation (payloadOf).
      if (field.name.value === 'userErrors' && namedType(item) === 'UserError') continue;
      const name = `${type.name.value}.${field.name.value}`;
      if (!bounded.has(name)) {
        fail(
          field,
          `${name} is a list of ${namedType(item)} that may grow: make it a connection, or justify its bound in schema/CONVENTIONS.md (bounded lists)`,
        );
      }
    }
  }
});
