import { badInput } from '../../kit/errors';
import type { IsoDate } from './dates';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[1-8][0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/i;

/** Hub ids (persons, organizations, records) are uuids: a typo is BAD_USER_INPUT, never a database error. */
export function assertUuid(id: string, field: string): string {
  if (typeof id !== 'string' || !UUID.test(id)) throw badInput(`${field} must be a hub id (a uuid), got "${id}"`, { field });
  return id.toLowerCase();
}

/** A period that ends before it starts is a typing error, never a real term. */
export function assertPeriod(from: IsoDate, to: IsoDate | null | undefined, fields: [string, string]): void {
  if (to && to < from) throw badInput(`The period ends (${to}) before it starts (${from})`, { field: fields[1], from, to });
}

/** Text a record cannot do without; trimmed, bounded. */
export function assertText(value: string | null | undefined, field: string, max = 2000): string {
  const text = (value ?? '').trim();
  if (!text) throw badInput(`${field} must not be empty`, { field });
  if (text.length > max) throw badInput(`${field} is longer than ${max} characters`, { field });
  return text;
}

export function assertNotFuture(date: IsoDate, today: IsoDate, field: string): void {
  if (date > today) throw badInput(`${field} ${date} is in the future`, { field });
}
