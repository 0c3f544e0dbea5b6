import { badInput } from '../../kit/platform/errors';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A PostgreSQL array literal of uuids for `= any(?::uuid[])`; ids are checked, never interpolated raw. */
export function uuidArray(ids: readonly string[]): string {
  for (const id of ids) if (!UUID.test(id)) throw badInput(`${id} is not an id`, { id });
  return `{${ids.join(',')}}`;
}

export function isUuid(id: string): boolean {
  return UUID.test(id);
}
