// @ts-check
// CONVENTIONS §7.4: a reference is an edge a client can follow (`person`), not only an id it must look up elsewhere.
const { defineRule, objectTypes, namedType, directive } = require('../sdl');

module.exports = defineRule('An output id of another record (…Id, …Ids) has the object field beside it', (doc, fail, options) => {
  const justified = new Set(options.justified ?? []);
  for (const type of objectTypes(doc)) {
    const names = new Set((type.fields ?? []).map((f) => f.name.value));
    for (const field of type.fields ?? []) {
      const match = /^(.+?)(Id|Ids)$/.exec(field.name.value);
      if (!match || namedType(field.type) !== 'ID' || directive(field, 'external')) continue;
      const edge = match[2] === 'Ids' ? `${match[1]}s` : match[1];
      if (!names.has(edge) && !justified.has(`${type.name.value}.${field.name.value}`)) {
        fail(
          field,
          `${type.name.value}.${field.name.value} is a bare id: add the edge \`${edge}\` beside it (or instead of it), or justify the id in schema/CONVENTIONS.md`,
        );
      }
    }
  }
});
