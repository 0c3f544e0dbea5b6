import { badInput, ruleViolation } from '../../kit/platform/errors';

const AGENCY_CODE = /^[A-Z][A-Z0-9_]{1,63}$/;

/**
 * A consent names the agencies it covers (152-FZ art. 9: consent is specific) and may end on a
 * date; it cannot end before it starts.
 */
export function validateConsent(input: { agencies: string[]; givenOn: string; expiresOn?: string | null }): string[] {
  const agencies = [...new Set(input.agencies.map((a) => a.trim().toUpperCase()))];
  if (agencies.length === 0) throw badInput('A consent must name at least one agency');
  const wrong = agencies.filter((a) => !AGENCY_CODE.test(a));
  if (wrong.length) throw badInput(`Unknown agency code format: ${wrong.join(', ')}`);
  if (input.expiresOn && input.expiresOn < input.givenOn) throw badInput('A consent cannot expire before it is given');
  return agencies.sort();
}

/**
 * Who signed a consent (issue 15 §5.6). 152-FZ art. 9 §1 asks the subject's own consent; §6 of the same article:
 * "в случае недееспособности субъекта" his legal representative gives it. The seeds name the legal representatives
 * of children (seed 003 §3: "с их законными представителями") without saying more, so civil law decides:
 * - a minor (under 18, Civil Code art. 21, 26, 28) is represented by a parent (Family Code art. 64 §1) or a guardian
 *   or trustee (Civil Code art. 31–33);
 * - an adult recognized incapable by a court (Civil Code art. 29) is represented by the guardian (art. 32);
 * - an adult with legal capacity signs themself: nobody, not a spouse nor a parent, signs for them.
 */
export const ConsentSignatory = {
  /** The person themself, an adult with legal capacity. */
  PERSON: 'PERSON',
  /** A parent of a minor child of the family (Family Code art. 64 §1). */
  PARENT: 'PARENT',
  /** A guardian or trustee of a minor, or the guardian of an adult recognized incapable (Civil Code art. 31–33). */
  GUARDIAN: 'GUARDIAN',
} as const;
export type ConsentSignatory = (typeof ConsentSignatory)[keyof typeof ConsentSignatory];

export const AGE_OF_MAJORITY = 18;

/** A membership of a person in a family, as social protection records it (relation and legal representation). */
export interface Membership {
  familyId: string;
  personId: string;
  relation: string;
  isLegalRepresentative: boolean;
}

export interface ConsentSubject {
  id: string;
  /** YYYY-MM-DD. */
  birthDate: string;
  /** Recognized incapable by a court (Civil Code art. 29). */
  isLegallyIncapable: boolean;
}

/** Full years on `day` (YYYY-MM-DD); a birthday on 29 February is reached on 1 March in other years. */
export function fullYearsOn(birthDate: string, day: string): number {
  const [by, bm, bd] = birthDate.split('-').map(Number);
  const [y, m, d] = day.split('-').map(Number);
  return y - by - (m < bm || (m === bm && d < bd) ? 1 : 0);
}

/** True when the person cannot consent themself: a minor, or an adult recognized incapable. */
export function needsLegalRepresentative(person: ConsentSubject, day: string): boolean {
  return person.isLegallyIncapable || fullYearsOn(person.birthDate, day) < AGE_OF_MAJORITY;
}

const MINOR_RULE = '152-FZ art. 9 §6; Civil Code art. 26, 28; Family Code art. 64 §1';
const INCAPABLE_RULE = '152-FZ art. 9 §6; Civil Code art. 29, 32';
const CAPABLE_RULE = '152-FZ art. 9 §1; Civil Code art. 21';

/**
 * How `signerId` is the legal representative of `person` in the recorded family data, or null when they are not:
 * the signer must be a member of a family the person is in, marked as legal representative, and
 * - for a minor: a PARENT of the family while the person is one of its CHILDren, or a GUARDIAN of the family;
 * - for an adult recognized incapable: a GUARDIAN of the family (a parent of an adult is not by that their guardian).
 */
export function representationOf(
  person: ConsentSubject,
  signerId: string,
  memberships: readonly Membership[],
  day: string,
): Exclude<ConsentSignatory, 'PERSON'> | null {
  if (signerId === person.id || !needsLegalRepresentative(person, day)) return null;
  const minor = fullYearsOn(person.birthDate, day) < AGE_OF_MAJORITY;
  for (const own of memberships.filter((m) => m.personId === person.id)) {
    const signer = memberships.find((m) => m.personId === signerId && m.familyId === own.familyId && m.isLegalRepresentative);
    if (!signer) continue;
    if (signer.relation === 'GUARDIAN') return ConsentSignatory.GUARDIAN;
    if (minor && signer.relation === 'PARENT' && own.relation === 'CHILD') return ConsentSignatory.PARENT;
  }
  return null;
}

/**
 * Decides who a consent is signed by, or refuses with RULE_VIOLATION naming the clause: a minor or an incapable adult
 * needs a legal representative recorded as such; a capable adult signs themself (`signerId` null or their own id).
 */
export function consentSignatory(
  person: ConsentSubject,
  signerId: string | null | undefined,
  memberships: readonly Membership[],
  day: string,
): ConsentSignatory {
  const minor = fullYearsOn(person.birthDate, day) < AGE_OF_MAJORITY;
  const rule = minor ? MINOR_RULE : person.isLegallyIncapable ? INCAPABLE_RULE : CAPABLE_RULE;
  if (!signerId || signerId === person.id) {
    if (!needsLegalRepresentative(person, day)) return ConsentSignatory.PERSON;
    throw ruleViolation(
      minor
        ? 'A minor’s consent is given by a parent or guardian: name the legal representative who signed it'
        : 'The consent of an adult recognized incapable is given by the guardian: name the guardian who signed it',
      rule,
      { field: 'signedByPersonId' },
    );
  }
  if (!needsLegalRepresentative(person, day)) {
    throw ruleViolation('An adult with legal capacity consents themself; nobody signs for them', rule, { field: 'signedByPersonId' });
  }
  const representation = representationOf(person, signerId, memberships, day);
  if (!representation) {
    throw ruleViolation(
      minor
        ? 'The signer is not recorded as a parent or guardian (legal representative) of the child in the family'
        : 'The signer is not recorded as the guardian (legal representative) of the person in the family',
      rule,
      { field: 'signedByPersonId' },
    );
  }
  return representation;
}
