import { badInput } from './errors';
import { DATABASE_UUID } from './input-rules';

/**
 * Global ids (schema/CONVENTIONS.md §7.4): a record's `id` in the API is `<Type>:<uuid>`, so `node(id:)` knows whose
 * record it is and which agency to ask. Clients treat it as opaque. Only the API sees global ids: the kit encodes
 * them on the way out and decodes them on the way in, and resolvers and databases keep uuids.
 */
const GLOBAL_ID = /^([A-Z][A-Za-z0-9]*):(.+)$/;

export function globalId(type: string, id: string): string {
  return GLOBAL_ID.test(id) ? id : `${type}:${id}`;
}

export interface DecodedId {
  type: string;
  id: string;
}

/** The type and uuid of a global id; null when the text is not one. */
export function parseGlobalId(value: string): DecodedId | null {
  const match = GLOBAL_ID.exec(value);
  return match && DATABASE_UUID.test(match[2]) ? { type: match[1], id: match[2] } : null;
}

/** The uuid behind a global id of the expected type (any type when none is expected); a coded refusal otherwise. */
export function decodeGlobalId(value: string, argument: string, expectedType?: string): string {
  const decoded = parseGlobalId(value);
  if (!decoded) throw badInput(`${argument} is not an id of the hub`, { argument });
  if (expectedType && decoded.type !== expectedType)
    throw badInput(`${argument} is an id of a ${decoded.type}, not of a ${expectedType}`, { argument });
  return decoded.id;
}
