// @ts-check
// CONVENTIONS §7.6: a mutation answers with a payload named after it that carries the changed records and the
// expected refusals as `userErrors`, so a client can refresh what changed and show why something was refused.
const { defineRule, objectTypes, namedType, Kind } = require('../sdl');

module.exports = defineRule(
  'Mutations return <Name>Payload! with userErrors; creating mutations take an idempotencyKey',
  (doc, fail, options) => {
    const creating = new RegExp(`^(${(options.creatingVerbs ?? []).join('|')})[A-Z]`);
    const types = new Map(objectTypes(doc).map((t) => [t.name.value, t]));
    const inputs = new Map();
    for (const d of doc.definitions) if (d.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) inputs.set(d.name.value, d);
    for (const mutation of objectTypes(doc).filter((t) => t.name.value === 'Mutation')) {
      for (const field of mutation.fields ?? []) {
        const name = field.name.value;
        const expected = `${name[0].toUpperCase()}${name.slice(1)}Payload`;
        const returned = namedType(field.type);
        if (returned !== expected || field.type.kind !== Kind.NON_NULL_TYPE) {
          fail(field, `Mutation.${name} returns ${returned}: return \`${expected}!\``);
        } else if (types.has(expected) && !types.get(expected)?.fields?.some((f) => f.name.value === 'userErrors')) {
          fail(field, `${expected} has no \`userErrors: [UserError!]!\``);
        }
        if (!creating.test(name)) continue;
        const input = field.arguments?.find((a) => a.name.value === 'input');
        const inputType = input && inputs.get(namedType(input.type));
        if (inputType && !inputType.fields?.some((/** @type {any} */ f) => f.name.value === 'idempotencyKey')) {
          fail(field, `Mutation.${name} creates a record a client may retry: add \`idempotencyKey\` to ${inputType.name.value}`);
        }
      }
    }
  },
);
