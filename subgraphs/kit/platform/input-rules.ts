import { badInput } from './errors';
import type { IsoDate } from './dates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/**
 * Organizations are referred to by their id in the directory of social protection (a uuid);
 * a malformed id would leave a record that no route can ever attach to an organization.
 */
export function assertOrganizationId(id: string, field = 'organizationId'): string {
  if (!UUID.test(id)) throw badInput(`${field} must be an organization id from the hub directory (a uuid), got "${id}"`, { field });
  return id.toLowerCase();
}

export function assertPersonId(id: string, field = 'personId'): string {
  if (!UUID.test(id)) throw badInput(`${field} must be a hub person id (a uuid), got "${id}"`, { field });
  return id.toLowerCase();
}

/** A period that ends before it starts is a typing error, never a real term. */
export function assertPeriod(from: IsoDate, to: IsoDate | null | undefined, fields = ['startDate', 'endDate']): void {
  if (to && to < from) {
    throw badInput(`The period ends (${to}) before it starts (${from})`, { field: fields[1], from, to });
  }
}

/** Free-text fields that a record cannot do without (a programme without goals is not a programme). */
export function assertText(value: string | null | undefined, field: string, max = 2000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  return text;
}

export function assertIdempotencyKey(key: string | null | undefined): string | null {
  if (key === null || key === undefined) return null;
  if (!/^[\w.:-]{8,128}$/.test(key))
    throw badInput('idempotencyKey must be 8–128 letters, digits, "-", "_", ".", ":"', { field: 'idempotencyKey' });
  return key;
}

/** Ids of this agency's own records (a programme, a conclusion): uuids, so a typo is BAD_USER_INPUT, not a database error. */
export function assertRecordId(id: string, field: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw badInput(`${field} must be a record id (a uuid), got "${id}"`, { field });
  return id.toLowerCase();
}

/** Any hub id (person, organization, record): a uuid. */
export const assertUuid = assertRecordId;

/** What was done cannot have been done tomorrow. */
export function assertNotFuture(date: IsoDate, today: IsoDate, field: string): void {
  if (date > today) throw badInput(`${field} ${date} is in the future`, { field });
}

// PostgreSQL text cannot hold U+0000 at all; the other C0 controls (tab, line feed and carriage return aside) and
// DEL are never part of a name, an address or a summary and would corrupt exports. An unpaired surrogate would be
// stored silently as U+FFFD.
const UNSTORABLE_CHARACTER =
  // eslint-disable-next-line no-control-regex -- matching control characters is the point of this rule
  /[\u0000-\u0008\u000B\u000C\u000E-\u001F\u007F]|[\uD800-\uDBFF](?![\uDC00-\uDFFF])|(?<![\uD800-\uDBFF])[\uDC00-\uDFFF]/;

/** Any text a caller sends: it must be storable as it is. The value is not echoed (it may be personal data). */
export function assertStorableText(value: string, argument: string): void {
  const found = UNSTORABLE_CHARACTER.exec(value);
  if (!found) return;
  const codePoint = `U+${found[0].charCodeAt(0).toString(16).toUpperCase().padStart(4, '0')}`;
  throw badInput(`${argument} contains a character that cannot be stored (${codePoint} at position ${found.index + 1})`, {
    field: leafOf(argument),
    argument,
  });
}

// PostgreSQL's uuid accepts any 32 hex digits in the 8-4-4-4-12 form (also the nil uuid and versions the hub does not
// generate), so this is looser than UUID above: it only keeps what the database cannot read out of it.
export const DATABASE_UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/i;

/** A hub record id (`id`, `personId`, `rentalPointId` …): a uuid, so a typo is BAD_USER_INPUT, not a database error. */
export function assertDatabaseUuid(value: string, argument: string): void {
  if (!DATABASE_UUID.test(value)) {
    throw badInput(`${argument} must be a hub record id (a uuid)`, { field: leafOf(argument), argument });
  }
}

const leafOf = (argument: string) =>
  argument
    .replace(/\[\d+\]/g, '')
    .split('.')
    .pop() ?? argument;
