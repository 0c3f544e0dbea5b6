import { badInput } from '../../kit/platform/errors';
import { addMonths, IsoDate, parseIsoDate } from './dates';

/**
 * Home delivery of the aid (seed 004 annex 1 §3.5; contract §2.1.3).
 *
 * §3.5: "ТСР при необходимости (в случае отсутствия трудоспособных родственников) доставляются на дом
 * инвалидам 1, 2 групп, гражданам старше 70 лет, утратившим способность к самообслуживанию и (или)
 * передвижению." On its own the clause could make the loss of self-care a condition for the disabled
 * too; the contract settles it: "если он является инвалидом 1, 2 группы или гражданином старше 70 лет,
 * утратившим способность…" — the loss of self-care/mobility qualifies only the over-70s. For both,
 * delivery is owed only when there are no able-bodied relatives. Everyone else brings the aid home
 * themselves (contract §2.3.1). Disabled children have no group, so §3.5 gives them nothing by
 * itself; they qualify only through a legal representative's situation, which is outside this rule.
 */
export interface DeliveryInput {
  /** 1, 2 or 3; null or undefined when the person has no disability group. */
  disabilityGroup?: 1 | 2 | 3 | null;
  /** Age in full years; used when the birth date is not known. */
  age?: number;
  /** Exact alternative to `age`: "старше 70 лет" is then decided to the day. */
  birthDate?: IsoDate;
  /** The day the delivery is decided (needed with birthDate). */
  onDate?: IsoDate;
  /** Lost the ability to care for themselves and/or to move ("и (или)"). */
  cannotMoveOrSelfCare: boolean;
  ableBodiedRelativesPresent: boolean;
}

export interface DeliveryDecision {
  required: boolean;
  reason: string;
  rule: string;
}

const RULE = 'seed 004 annex 1 §3.5';

/**
 * "старше 70 лет": with a birth date, older than 70 means past the 70th birthday. With only full
 * years we take 70 and above — a person of 70 full years has lived more than 70 years except on the
 * birthday itself.
 */
function olderThan70(input: DeliveryInput): boolean {
  if (input.birthDate !== undefined) {
    if (input.onDate === undefined) throw badInput('onDate is required with birthDate', { field: 'onDate' });
    parseIsoDate(input.onDate, 'onDate');
    return input.onDate > addMonths(input.birthDate, 70 * 12, 'birthDate');
  }
  if (input.age === undefined) return false;
  if (!Number.isSafeInteger(input.age) || input.age < 0 || input.age > 150) {
    throw badInput('age must be a whole number of years', { field: 'age', value: input.age });
  }
  return input.age >= 70;
}

export function deliveryRequired(input: DeliveryInput): DeliveryDecision {
  if (!input || typeof input.cannotMoveOrSelfCare !== 'boolean' || typeof input.ableBodiedRelativesPresent !== 'boolean') {
    throw badInput('cannotMoveOrSelfCare and ableBodiedRelativesPresent must be true or false');
  }
  const group = input.disabilityGroup ?? null;
  if (group !== null && group !== 1 && group !== 2 && group !== 3) {
    throw badInput('disabilityGroup must be 1, 2, 3 or empty', { field: 'disabilityGroup', value: group });
  }
  const byGroup = group === 1 || group === 2;
  const byAge = olderThan70(input) && input.cannotMoveOrSelfCare;

  if (!byGroup && !byAge) {
    return {
      required: false,
      reason: 'Neither disability group I–II nor over 70 without the ability to care for oneself or move: the renter takes the aid home',
      rule: 'seed 004 annex 1 contract §2.3.1',
    };
  }
  if (input.ableBodiedRelativesPresent) {
    return {
      required: false,
      reason: 'Able-bodied relatives are present and can take the aid home',
      rule: RULE,
    };
  }
  return {
    required: true,
    reason: byGroup
      ? `Disability group ${group === 1 ? 'I' : 'II'} and no able-bodied relatives: delivered home`
      : 'Over 70, unable to care for oneself or move, and no able-bodied relatives: delivered home',
    rule: RULE,
  };
}
