// @ts-check
// CONVENTIONS §7.7: one word for one state across agencies, so a client maps statuses once.
const { defineRule, Kind } = require('../sdl');

module.exports = defineRule('Enum values use the hub vocabulary (one word per state)', (doc, fail, options) => {
  /** @type {Record<string, string>} */
  const synonyms = options.synonyms ?? {};
  for (const definition of doc.definitions) {
    if (definition.kind !== Kind.ENUM_TYPE_DEFINITION) continue;
    for (const value of definition.values ?? []) {
      const preferred = synonyms[value.name.value];
      if (preferred) fail(value, `${definition.name.value}.${value.name.value}: the hub says ${preferred}`);
    }
  }
});
