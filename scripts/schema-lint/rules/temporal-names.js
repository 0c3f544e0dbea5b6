// @ts-check
// CONVENTIONS §7.3: a calendar date is named `…On`, an instant `…At`, a span is one `Period`; the name says the type.
const { defineRule, objectTypes, namedType, isList, Kind } = require('../sdl');

const PERIOD_NAMES = /^(start|end|from|to|valid|period|planned)(Date|From|To|Until)$|^(startDate|endDate|fromDate|toDate)$/;
const DEADLINE_NAMES = /^(deadline|dueDate)$/;

module.exports = defineRule('Dates are named …On, instants …At, periods are a Period', (doc, fail, options) => {
  const dates = new Set(options.dateScalars ?? ['LocalDate']);
  const instants = new Set(options.instantScalars ?? ['DateTimeISO']);
  const allowed = new Set(options.justified ?? []);
  /** @param {string} owner @param {import('graphql').FieldDefinitionNode | import('graphql').InputValueDefinitionNode} value */
  const check = (owner, value) => {
    const name = value.name.value;
    const where = `${owner}.${name}`;
    if (allowed.has(where)) return;
    const type = namedType(value.type);
    if (PERIOD_NAMES.test(name))
      return fail(value, `${where}: a span of dates is one Period (\`startsOn\`, \`endsOn\`), not a pair of fields`);
    if (DEADLINE_NAMES.test(name)) return fail(value, `${where}: a deadline is named \`dueOn\``);
    if (dates.has(type)) {
      const ok = isList(value.type) ? /(Dates|Days)$/.test(name) : name === 'on' || /On$/.test(name);
      if (!ok) fail(value, `${where} is a date (${type}): name it \`…On\` (a list: \`…Dates\`)`);
    } else if (instants.has(type)) {
      if (!(name === 'at' || /At$/.test(name))) fail(value, `${where} is an instant (${type}): name it \`…At\``);
    } else if (/[a-z]On$/.test(name) || name === 'on') {
      fail(value, `${where} is named like a date but is ${type}: dates are ${[...dates].join(', ')}`);
    } else if (/[a-z]At$/.test(name) || name === 'at') {
      fail(value, `${where} is named like an instant but is ${type}: instants are ${[...instants].join(', ')}`);
    }
  };
  for (const type of objectTypes(doc)) {
    for (const field of type.fields ?? []) {
      check(type.name.value, field);
      for (const argument of field.arguments ?? []) check(`${type.name.value}.${field.name.value}`, argument);
    }
  }
  for (const input of doc.definitions) {
    if (input.kind === Kind.INPUT_OBJECT_TYPE_DEFINITION) for (const field of input.fields ?? []) check(input.name.value, field);
  }
});
