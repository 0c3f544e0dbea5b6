import { badInput } from '../../kit/platform/errors';
import { compareDates, type IsoDate } from '../calendar/iso-date';

/** A birth date is a fact of the past: a future date is a typo that would break every age-derived category (seed 003 §3). */
export function assertBirthDate(birthDate: IsoDate, today: IsoDate): void {
  if (compareDates(birthDate, today) > 0) {
    throw badInput(`The birth date ${birthDate} is in the future`, { field: 'bornOn' });
  }
  if (compareDates(birthDate, '1900-01-01') < 0) throw badInput(`The birth date ${birthDate} is implausible`, { field: 'bornOn' });
}

export function assertName(value: string, field: string): string {
  const trimmed = value.trim();
  if (!trimmed) throw badInput(`${field} must not be empty`, { field });
  return trimmed;
}
