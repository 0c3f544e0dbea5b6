import { badInput } from '../../kit/platform/errors';
import { IsoDate, compareDates, toEpochDay } from '../calendar/iso-date';

/**
 * Target category of the Irkutsk model "From birth through all life" (seed 003 §3). It is derived
 * from age and status on a given date, never typed in: a child turns 3 or 18 without anyone
 * re-keying a form, and the resource centre that coordinates the age band changes with it (seed 003 §4.3).
 */
export const TargetCategory = {
  /** 0–3 with a disability, limited health capabilities (OVZ) or at risk: early help (seed 003 §3, §8.2–8.3). */
  EARLY_HELP_CHILD: 'EARLY_HELP_CHILD',
  /** Disabled child from 3 to 18 (seed 003 §3). */
  DISABLED_CHILD: 'DISABLED_CHILD',
  /** Child from 3 to 18 with limited health capabilities (OVZ) and no disability (seed 003 §1, seed 002 §1.1–1.2). */
  CHILD_WITH_LIMITED_HEALTH_CAPABILITIES: 'CHILD_WITH_LIMITED_HEALTH_CAPABILITIES',
  /** Disabled adult over 18 of working age (seed 003 §3). */
  DISABLED_ADULT_WORKING_AGE: 'DISABLED_ADULT_WORKING_AGE',
  /** Disabled person over 60 (seed 003 §3). */
  DISABLED_SENIOR: 'DISABLED_SENIOR',
} as const;
export type TargetCategory = (typeof TargetCategory)[keyof typeof TargetCategory];

/** Disability group set by MSE; 'DISABLED_CHILD' is the status "disabled child" given under 18. */
export type DisabilityGroup = 'I' | 'II' | 'III' | 'DISABLED_CHILD';

export interface TargetCategoryInput {
  birthDate: IsoDate;
  disabilityGroup: DisabilityGroup | null;
  hasLimitedHealthCapabilities: boolean;
  isAtRisk: boolean;
}

/**
 * Age boundaries where seed 003 §3 bands meet: "from birth to three" / "from three to 18" /
 * "over 18 of working age" / "over 60". Each boundary age belongs to the older band, so the bands
 * leave no gap: 3 → DISABLED_CHILD, 18 → adult, 60 → senior.
 * The seed does not say where working age ends; 60 is taken from its own band, without regard to sex.
 */
const EARLY_HELP_UNTIL = 3;
const CHILD_UNTIL = 18;
const WORKING_AGE_UNTIL = 60;

/**
 * Full years of age on `asOf`. A person born on 29 February becomes a year older on 28 February in
 * non-leap years (a term that ends on a day the month lacks ends on the month's last day, Civil Code art. 192).
 */
export function ageOn(birthDate: IsoDate, asOf: IsoDate): number {
  toEpochDay(birthDate);
  toEpochDay(asOf);
  if (compareDates(asOf, birthDate) < 0) {
    throw badInput(`The date ${asOf} is before the birth date ${birthDate}`);
  }
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [ay, am, ad] = asOf.split('-').map(Number);
  let age = ay - by;
  const lastDayOfBirthMonth = new Date(Date.UTC(ay, bm, 0)).getUTCDate();
  const birthdayThisYear = Math.min(bd, lastDayOfBirthMonth);
  if (am < bm || (am === bm && ad < birthdayThisYear)) age--;
  return age;
}

/** The seed 003 §3 category on `asOf`, or null when the person is outside the model's target group. */
export function deriveTargetCategory(person: TargetCategoryInput, asOf: IsoDate): TargetCategory | null {
  const age = ageOn(person.birthDate, asOf);
  // Any recorded group counts as disability: at 18 a "disabled child" status is replaced by a group
  // only after re-examination, and the citizen must not drop out of support while waiting for it.
  const disabled = person.disabilityGroup !== null && person.disabilityGroup !== undefined;

  if (age < EARLY_HELP_UNTIL) {
    // Early help reaches children with OVZ or at risk even without a disability (seed 003 §8.2–8.3).
    return disabled || person.hasLimitedHealthCapabilities || person.isAtRisk ? TargetCategory.EARLY_HELP_CHILD : null;
  }
  if (age < CHILD_UNTIL) {
    if (disabled) return TargetCategory.DISABLED_CHILD;
    // Children with OVZ are supported with their families up to 18 although §3 lists only disabled children from
    // 3 on: seed 003 §1 builds the model for "families raising disabled children, children with OVZ", §6(2) has
    // operators identify families with children with disability and OVZ, and seed 002 §1.1–1.2 supports families
    // with disabled children and children with OVZ alike. Risk alone (seed 003 §8.3) is an early-help notion: it
    // stops at 3.
    return person.hasLimitedHealthCapabilities ? TargetCategory.CHILD_WITH_LIMITED_HEALTH_CAPABILITIES : null;
  }
  // From 18 on, seed 003 §3 names only disabled people.
  if (!disabled) return null;
  if (age < WORKING_AGE_UNTIL) return TargetCategory.DISABLED_ADULT_WORKING_AGE;
  return TargetCategory.DISABLED_SENIOR;
}
