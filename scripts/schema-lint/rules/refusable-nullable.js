// @ts-check
// CONVENTIONS §7.2: a field that policy or another agency can refuse is nullable, so a refusal or an agency that
// does not answer nulls that field only, not its parent up to `families` or `territories`.
const { defineRule, objectTypes, entities, directive, Kind } = require('../sdl');

module.exports = defineRule(
  'Fields that policy or another agency can refuse (contributions, entity references, fields of shared entities) are nullable',
  (doc, fail, options) => {
    const documentEntities = entities(doc);
    /** @type {Map<string, Set<string>>} */
    const entityKeys = documentEntities.size
      ? documentEntities
      : new Map(Object.entries(options.entities ?? {}).map(([name, keys]) => [name, new Set(keys)]));
    for (const type of objectTypes(doc)) {
      const typeName = type.name.value;
      if (typeName === 'Mutation') continue;
      // A connection's edge holds a record of the page the caller may read: a refusal refuses the page, not one edge.
      if (/Edge$/.test(typeName)) continue;
      // Only the shared entities (Person, Family…) answer field by field from several agencies and policies; an
      // agency's own record is refused whole, at the reference to it.
      const keys = (options.shared ?? []).includes(typeName) ? entityKeys.get(typeName) : undefined;
      const justified = new Set(options.justified ?? []);
      for (const field of type.fields ?? []) {
        if (field.type.kind !== Kind.NON_NULL_TYPE || directive(field, 'external')) continue;
        const name = `${typeName}.${field.name.value}`;
        if (justified.has(name)) continue;
        const returned = field.type.type.kind === Kind.NAMED_TYPE ? field.type.type.name.value : null;
        if (typeName === 'Query') {
          fail(field, `${name} is a root field: make it nullable, so one refused or missing answer does not null the others`);
        } else if (directive(field, 'requires')) {
          fail(field, `${name} needs other subgraphs' fields (@requires), which may be refused or missing: make it nullable`);
        } else if (returned && entityKeys.has(returned)) {
          fail(field, `${name} references the entity ${returned}, which its owner may refuse or fail to answer: make it nullable`);
        } else if (keys && !keys.has(field.name.value)) {
          fail(
            field,
            `${name} is a field of the entity ${typeName} and can be refused by role, scope or consent: make it nullable (only key fields are non-null)`,
          );
        }
      }
    }
  },
);
