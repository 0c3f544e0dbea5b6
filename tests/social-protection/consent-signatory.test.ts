import { addYears, daysFromToday } from '../../subgraphs/kit/demo/dates';
import { today } from '../../subgraphs/kit/platform/clock';
import { DomainError } from '../../subgraphs/kit/platform/errors';
import {
  consentSignatory,
  fullYearsOn,
  needsLegalRepresentative,
  representationOf,
  type Membership,
} from '../../subgraphs/social-protection/consent/consent.rules';
import '../support/clock';

/** Who signs a consent (issue 15 §5.6): the person, or a legal representative recorded in the family (152-FZ art. 9 §6). */
const day = today();
const bornYearsAgo = (years: number, extraDays = 0) => daysFromToday(-extraDays, addYears(day, -years));
const child = { id: 'child', birthDate: bornYearsAgo(7), isLegallyIncapable: false };
const teenager = { id: 'teen', birthDate: bornYearsAgo(17, 300), isLegallyIncapable: false };
const adult = { id: 'adult', birthDate: bornYearsAgo(36), isLegallyIncapable: false };
const ward = { id: 'ward', birthDate: bornYearsAgo(30), isLegallyIncapable: true };

const member = (familyId: string, personId: string, relation: string, isLegalRepresentative = false): Membership => ({
  familyId,
  personId,
  relation,
  isLegalRepresentative,
});
const family: Membership[] = [
  member('f1', 'mother', 'PARENT', true),
  member('f1', 'father', 'PARENT', false),
  member('f1', 'child', 'CHILD'),
  member('f1', 'teen', 'CHILD'),
  member('f1', 'grandmother', 'GRANDPARENT', false),
  member('f2', 'guardian', 'GUARDIAN', true),
  member('f2', 'ward', 'OTHER'),
  member('f2', 'adult', 'SPOUSE'),
  member('f3', 'stranger', 'PARENT', true),
];

function refusal(work: () => unknown): { code: string; rule: unknown } {
  try {
    work();
  } catch (error) {
    if (error instanceof DomainError) return { code: error.code, rule: error.extensions.rule };
    throw error;
  }
  throw new Error('expected a refusal');
}

describe('consent signatory (152-FZ art. 9 §1, §6; Civil Code art. 21, 28, 29, 32; Family Code art. 64)', () => {
  test('full years count the birthday itself: 18 on the 18th birthday, 17 the day before', () => {
    expect(fullYearsOn(addYears(day, -18), day)).toBe(18);
    expect(fullYearsOn(daysFromToday(1, addYears(day, -18)), day)).toBe(17);
    expect(needsLegalRepresentative({ ...adult, birthDate: addYears(day, -18) }, day)).toBe(false);
    expect(needsLegalRepresentative({ ...adult, birthDate: daysFromToday(1, addYears(day, -18)) }, day)).toBe(true);
  });

  test('an adult with legal capacity signs themself, and nobody signs for them — not even a spouse', () => {
    expect(consentSignatory(adult, null, family, day)).toBe('PERSON');
    expect(consentSignatory(adult, 'adult', family, day)).toBe('PERSON');
    expect(refusal(() => consentSignatory(adult, 'guardian', family, day))).toEqual({
      code: 'RULE_VIOLATION',
      rule: '152-FZ art. 9 §1; Civil Code art. 21',
    });
  });

  test('a minor, a teenager of 17 included, does not sign alone: a parent recorded as legal representative signs (Family Code art. 64)', () => {
    expect(refusal(() => consentSignatory(child, null, family, day)).code).toBe('RULE_VIOLATION');
    expect(refusal(() => consentSignatory(teenager, 'teen', family, day)).code).toBe('RULE_VIOLATION');
    expect(consentSignatory(child, 'mother', family, day)).toBe('PARENT');
    expect(consentSignatory(teenager, 'mother', family, day)).toBe('PARENT');
  });

  test('a relative not recorded as legal representative, or one of another family, cannot sign for the child', () => {
    for (const signer of ['father', 'grandmother', 'stranger', 'nobody-known']) {
      expect(refusal(() => consentSignatory(child, signer, family, day))).toEqual({
        code: 'RULE_VIOLATION',
        rule: '152-FZ art. 9 §6; Civil Code art. 26, 28; Family Code art. 64 §1',
      });
    }
  });

  test('an adult recognized incapable is signed for by the guardian only (Civil Code art. 29, 32)', () => {
    expect(consentSignatory(ward, 'guardian', family, day)).toBe('GUARDIAN');
    expect(refusal(() => consentSignatory(ward, null, family, day))).toEqual({
      code: 'RULE_VIOLATION',
      rule: '152-FZ art. 9 §6; Civil Code art. 29, 32',
    });
    // A parent of an adult is not by that their guardian: only a GUARDIAN recorded as legal representative is.
    const grownChild = [member('f4', 'parent', 'PARENT', true), member('f4', 'ward', 'CHILD')];
    expect(representationOf(ward, 'parent', grownChild, day)).toBeNull();
    expect(refusal(() => consentSignatory(ward, 'parent', grownChild, day)).code).toBe('RULE_VIOLATION');
  });

  test('a parent does not represent another parent of the family, nor a guardian a capable adult of the household', () => {
    expect(representationOf({ ...adult, id: 'father' }, 'mother', family, day)).toBeNull();
    expect(representationOf(adult, 'guardian', family, day)).toBeNull();
  });
});
