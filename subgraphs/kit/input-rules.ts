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
  if (!/^[\w.:-]{8,128}$/.test(key)) throw badInput('idempotencyKey must be 8–128 letters, digits, "-", "_", ".", ":"', { field: 'idempotencyKey' });
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
