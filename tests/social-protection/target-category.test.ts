import { DomainError, ErrorCode } from '../../subgraphs/kit/platform/errors';
import {
  TargetCategory as TC,
  TargetCategoryInput,
  ageOn,
  deriveTargetCategory,
} from '../../subgraphs/social-protection/person/target-category';

const person = (over: Partial<TargetCategoryInput>): TargetCategoryInput => ({
  birthDate: '2020-06-15',
  disabilityGroup: null,
  hasLimitedHealthCapabilities: false,
  isAtRisk: false,
  ...over,
});

describe('age in full years', () => {
  test('a person gets a year older on the birthday itself', () => {
    expect(ageOn('2022-06-15', '2025-06-14')).toBe(2);
    expect(ageOn('2022-06-15', '2025-06-15')).toBe(3);
    expect(ageOn('2022-06-15', '2022-06-15')).toBe(0);
  });

  test('someone born on 29 February turns a year older on 28 February in a common year (Civil Code art. 192)', () => {
    expect(ageOn('2008-02-29', '2026-02-27')).toBe(17);
    expect(ageOn('2008-02-29', '2026-02-28')).toBe(18);
    expect(ageOn('2008-02-29', '2028-02-28')).toBe(19);
    expect(ageOn('2008-02-29', '2028-02-29')).toBe(20);
  });

  test('a date before birth is bad input', () => {
    const fn = () => ageOn('2025-01-10', '2025-01-09');
    expect(fn).toThrow(DomainError);
    try {
      fn();
    } catch (e) {
      expect((e as DomainError).code).toBe(ErrorCode.BAD_USER_INPUT);
    }
  });
});

describe('target category derived from age and status (seed 003 §3)', () => {
  test('a child under 3 with OVZ but no disability gets early help (seed 003 §3, §8.2)', () => {
    expect(deriveTargetCategory(person({ birthDate: '2023-05-01', hasLimitedHealthCapabilities: true }), '2025-06-01')).toBe(
      TC.EARLY_HELP_CHILD,
    );
  });

  test('a child under 3 at risk gets early help even without a diagnosis (seed 003 §8.2–8.3)', () => {
    expect(deriveTargetCategory(person({ birthDate: '2024-01-10', isAtRisk: true }), '2025-06-01')).toBe(TC.EARLY_HELP_CHILD);
  });

  test('a disabled child under 3 is in early help, not yet in the 3–18 band (seed 003 §3)', () => {
    expect(deriveTargetCategory(person({ birthDate: '2023-05-01', disabilityGroup: 'DISABLED_CHILD' }), '2025-06-01')).toBe(
      TC.EARLY_HELP_CHILD,
    );
  });

  test('on the third birthday a disabled child moves to the 3–18 band and OVZ alone no longer qualifies (seed 003 §3)', () => {
    const disabled = person({ birthDate: '2022-06-15', disabilityGroup: 'DISABLED_CHILD' });
    expect(deriveTargetCategory(disabled, '2025-06-14')).toBe(TC.EARLY_HELP_CHILD);
    expect(deriveTargetCategory(disabled, '2025-06-15')).toBe(TC.DISABLED_CHILD);
    const ovzOnly = person({ birthDate: '2022-06-15', hasLimitedHealthCapabilities: true, isAtRisk: true });
    expect(deriveTargetCategory(ovzOnly, '2025-06-14')).toBe(TC.EARLY_HELP_CHILD);
    expect(deriveTargetCategory(ovzOnly, '2025-06-15')).toBeNull();
  });

  test('at 18 a disabled person becomes an adult of working age, even before re-examination replaces the child status (seed 003 §3)', () => {
    const p = person({ birthDate: '2007-09-01', disabilityGroup: 'DISABLED_CHILD' });
    expect(deriveTargetCategory(p, '2025-08-31')).toBe(TC.DISABLED_CHILD);
    expect(deriveTargetCategory(p, '2025-09-01')).toBe(TC.DISABLED_ADULT_WORKING_AGE);
  });

  test('at 60 a disabled person moves to the senior band (seed 003 §3)', () => {
    const p = person({ birthDate: '1965-03-20', disabilityGroup: 'II' });
    expect(deriveTargetCategory(p, '2025-03-19')).toBe(TC.DISABLED_ADULT_WORKING_AGE);
    expect(deriveTargetCategory(p, '2025-03-20')).toBe(TC.DISABLED_SENIOR);
    expect(deriveTargetCategory(person({ birthDate: '1940-01-01', disabilityGroup: 'I' }), '2025-03-20')).toBe(TC.DISABLED_SENIOR);
  });

  test('people without a disability over 3 are outside the target category (seed 003 §3)', () => {
    expect(deriveTargetCategory(person({ birthDate: '2015-01-01' }), '2025-06-01')).toBeNull();
    expect(deriveTargetCategory(person({ birthDate: '1980-01-01', isAtRisk: true }), '2025-06-01')).toBeNull();
    expect(deriveTargetCategory(person({ birthDate: '2024-01-01' }), '2025-06-01')).toBeNull();
  });

  test('any disability group counts from the group III upward', () => {
    expect(deriveTargetCategory(person({ birthDate: '1990-01-01', disabilityGroup: 'III' }), '2025-06-01')).toBe(
      TC.DISABLED_ADULT_WORKING_AGE,
    );
  });
});
