import { Client } from 'pg';
import { DomainError, ErrorCode } from '../../subgraphs/kit/platform/errors';
import {
  TargetCategory as TC,
  TargetCategoryInput,
  ageOn,
  deriveTargetCategory,
} from '../../subgraphs/social-protection/person/target-category';
import { targetCategorySql } from '../../subgraphs/social-protection/statistics/target-category.sql';
import { createTestDatabase } from '../support/database';

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

  test('on the third birthday a disabled child moves to the 3–18 band (seed 003 §3)', () => {
    const disabled = person({ birthDate: '2022-06-15', disabilityGroup: 'DISABLED_CHILD' });
    expect(deriveTargetCategory(disabled, '2025-06-14')).toBe(TC.EARLY_HELP_CHILD);
    expect(deriveTargetCategory(disabled, '2025-06-15')).toBe(TC.DISABLED_CHILD);
  });

  test('a child with OVZ and no disability stays in the target group from 3 to 18 (seed 003 §1, §6(2); seed 002 §1.1)', () => {
    const ovzOnly = person({ birthDate: '2022-06-15', hasLimitedHealthCapabilities: true });
    expect(deriveTargetCategory(ovzOnly, '2025-06-14')).toBe(TC.EARLY_HELP_CHILD);
    expect(deriveTargetCategory(ovzOnly, '2025-06-15')).toBe(TC.CHILD_WITH_LIMITED_HEALTH_CAPABILITIES);
    expect(deriveTargetCategory(ovzOnly, '2040-06-14')).toBe(TC.CHILD_WITH_LIMITED_HEALTH_CAPABILITIES);
    // OVZ is a child's status: at 18 only a disability keeps a person in the target group (seed 003 §3).
    expect(deriveTargetCategory(ovzOnly, '2040-06-15')).toBeNull();
    // A disabled child with OVZ is counted once, as a disabled child.
    expect(deriveTargetCategory({ ...ovzOnly, disabilityGroup: 'DISABLED_CHILD' }, '2030-01-01')).toBe(TC.DISABLED_CHILD);
  });

  test('risk alone qualifies for early help only: at 3 a child at risk without OVZ or disability leaves the target group (seed 003 §8.2–8.3)', () => {
    const atRisk = person({ birthDate: '2022-06-15', isAtRisk: true });
    expect(deriveTargetCategory(atRisk, '2025-06-14')).toBe(TC.EARLY_HELP_CHILD);
    expect(deriveTargetCategory(atRisk, '2025-06-15')).toBeNull();
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

describe('the statistics count the same categories in SQL (seed 003 §1, §3)', () => {
  test('targetCategorySql agrees with deriveTargetCategory, children with OVZ from 3 to 18 included', async () => {
    const day = '2025-06-15';
    const people: TargetCategoryInput[] = [
      person({ birthDate: '2022-06-15', hasLimitedHealthCapabilities: true }),
      person({ birthDate: '2022-06-16', hasLimitedHealthCapabilities: true }),
      person({ birthDate: '2007-06-16', hasLimitedHealthCapabilities: true }),
      person({ birthDate: '2007-06-15', hasLimitedHealthCapabilities: true }),
      person({ birthDate: '2015-01-01', hasLimitedHealthCapabilities: true, disabilityGroup: 'DISABLED_CHILD' }),
      person({ birthDate: '2015-01-01', isAtRisk: true }),
      person({ birthDate: '2024-01-01', isAtRisk: true }),
      person({ birthDate: '1990-01-01', disabilityGroup: 'II' }),
      person({ birthDate: '1950-01-01', disabilityGroup: 'I' }),
    ];
    const client = new Client({ connectionString: await createTestDatabase('category') });
    await client.connect();
    try {
      const values = people.map((_, i) => `($${4 * i + 1}::date, $${4 * i + 2}::text, $${4 * i + 3}::boolean, $${4 * i + 4}::boolean)`);
      const { rows } = await client.query<{ category: string }>(
        `select ${targetCategorySql(day)} as category
           from (values ${values.join(', ')}) as p(birth_date, disability_group, has_limited_health_capabilities, is_at_risk)`,
        people.flatMap((p) => [p.birthDate, p.disabilityGroup, p.hasLimitedHealthCapabilities, p.isAtRisk]),
      );
      expect(rows.map((r) => r.category)).toEqual(people.map((p) => deriveTargetCategory(p, day) ?? 'OTHER'));
      expect(rows.map((r) => r.category)).toContain(TC.CHILD_WITH_LIMITED_HEALTH_CAPABILITIES);
    } finally {
      await client.end();
    }
  });
});
