import { badInput } from './errors';

/**
 * Calendar dates as 'YYYY-MM-DD' strings (the LocalDate scalar). Terms and ages are counted in whole
 * days at the place of service, so all arithmetic runs in UTC and no time zone can shift a date.
 */
export type IsoDate = string;

const ISO_DATE = /^(\d{4})-(\d{2})-(\d{2})$/;
const DAY_MS = 86_400_000;

function epochMs(date: IsoDate): number {
  const m = typeof date === 'string' ? ISO_DATE.exec(date) : null;
  if (!m) throw badInput(`Expected a date as YYYY-MM-DD, got ${JSON.stringify(date)}`);
  const ms = Date.UTC(Number(m[1]), Number(m[2]) - 1, Number(m[3]));
  if (new Date(ms).toISOString().slice(0, 10) !== date) throw badInput(`${date} is not a calendar date`);
  return ms;
}

export function addDays(date: IsoDate, days: number): IsoDate {
  return new Date(epochMs(date) + days * DAY_MS).toISOString().slice(0, 10);
}

/** Whole days from `from` to `to` (negative when `to` is earlier). */
export function daysBetween(from: IsoDate, to: IsoDate): number {
  return Math.round((epochMs(to) - epochMs(from)) / DAY_MS);
}

/**
 * Full years of age on `asOf`. Someone born on 29 February turns a year older on 28 February in
 * common years (a term ending on a day the month lacks ends on its last day, Civil Code art. 192).
 */
export function ageOn(birthDate: IsoDate, asOf: IsoDate): number {
  epochMs(birthDate);
  epochMs(asOf);
  if (asOf < birthDate) throw badInput(`The date ${asOf} is before the birth date ${birthDate}`, { field: 'birthDate' });
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ay, am, ad] = asOf.split('-').map(Number);
  const lastDay = new Date(Date.UTC(ay, bm, 0)).getUTCDate();
  let age = ay - by;
  if (am < bm || (am === bm && ad < Math.min(bd, lastDay))) age--;
  return age;
}

/** The day a person reaches `years` of age (29 February → 28 February in common years). */
export function birthdayAt(birthDate: IsoDate, years: number): IsoDate {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const y = by + years;
  const lastDay = new Date(Date.UTC(y, bm, 0)).getUTCDate();
  return `${String(y).padStart(4, '0')}-${String(bm).padStart(2, '0')}-${String(Math.min(bd, lastDay)).padStart(2, '0')}`;
}
