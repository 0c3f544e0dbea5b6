import { print, type FieldNode } from 'graphql';
import { discoverContributions } from '../hub-fields/discovery';
import type { VirtualField } from '../hub-fields/virtual-fields';
import { agencyOf } from './family-route';

export const ACCESS_LOG_SDL = `
extend type Person {
  "Who accessed this person's data in any agency, newest first (coordinator of the person's family)."
  accessLog: [AccessLogEntry!]!
}

extend type Query {
  "Who accessed a person's data in any agency, newest first (coordinator of the person's family)."
  accessLog(personId: ID!): [AccessLogEntry!]!
}
`;

const ENTRY_FIELDS = 'at agency subject role organizationId action operation';

interface Entry {
  at: string;
}

function merge(
  person: Record<string, unknown> | null | undefined,
  fields: { field: string; subgraph: string }[],
  errors: { path: (string | number)[]; message: string; extensions?: Record<string, unknown> }[],
  prefix: (string | number)[],
) {
  if (!person) return { value: null, errors: errors.map((e) => ({ message: e.message, extensions: e.extensions })) };
  const entries: Entry[] = [];
  const refused: { message: string; extensions?: Record<string, unknown> }[] = [];
  for (const { field, subgraph } of fields) {
    const part = person[field] as Entry[] | null | undefined;
    if (part) entries.push(...part);
    else {
      const error = errors.find((e) => [...prefix, field].every((s, i) => e.path[i] === s));
      refused.push({
        message: error?.message ?? `${agencyOf(subgraph)} did not answer`,
        extensions: { ...(error?.extensions ?? { code: 'SUBGRAPH_UNAVAILABLE' }), agency: agencyOf(subgraph) },
      });
    }
  }
  entries.sort((a, b) => b.at.localeCompare(a.at));
  return { value: entries.map((e) => ({ __typename: 'AccessLogEntry', ...e })), errors: refused };
}

/** `Person.accessLog` and `accessLog(personId)`: the agencies' access-log fields, merged newest first. */
export function accessLogFields(supergraphSdl: string): VirtualField[] {
  const fields = discoverContributions(supergraphSdl, 'Person', 'AccessLogEntry');
  const selections = fields.map((f) => `${f.field} { ${ENTRY_FIELDS} }`).join(' ');
  return [
    {
      parentType: 'Person',
      fieldName: 'accessLog',
      expansion: `id ${selections}`,
      resolve: ({ injected, errors }) => merge(injected, fields, errors, []),
    },
    {
      parentType: 'Query',
      fieldName: 'accessLog',
      expansion: (node: FieldNode) => {
        const personId = node.arguments?.find((a) => a.name.value === 'personId');
        return `person(id: ${personId ? print(personId.value) : 'null'}) { id ${selections} }`;
      },
      resolve: ({ injected, errors }) => {
        const { value, errors: refused } = merge(injected.person as Record<string, unknown> | null, fields, errors, ['person']);
        return { value: value ?? [], errors: refused };
      },
    },
  ];
}
