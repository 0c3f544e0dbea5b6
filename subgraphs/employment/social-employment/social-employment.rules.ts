import { badInput, ruleViolation } from '../../kit/platform/errors';
import type { PeriodInput } from '../../kit/platform/period';
import { assertText } from '../../kit/platform/input-rules';
import { termOf } from '../shared/period-input';

/** Social employment is for people with the 3rd degree of limitation of the ability to work (seed 003 §29, order 605n). */
export const SOCIAL_EMPLOYMENT_DEGREE = 3;

/** Checks a social employment to be started; answers its term. */
export function checkSocialEmployment(draft: { workAbilityLimitationDegree: number; period: PeriodInput; activity: string }): {
  startsOn: string;
  endsOn: string;
} {
  if (![1, 2, 3].includes(draft.workAbilityLimitationDegree)) {
    throw badInput('workAbilityLimitationDegree is 1, 2 or 3 as written in the IPRA', { field: 'workAbilityLimitationDegree' });
  }
  if (draft.workAbilityLimitationDegree !== SOCIAL_EMPLOYMENT_DEGREE) {
    throw ruleViolation(
      `Social employment is for the 3rd degree of limitation of the ability to work; the IPRA states degree ${draft.workAbilityLimitationDegree}`,
      'seed 003 §29',
      { field: 'workAbilityLimitationDegree' },
    );
  }
  const term = termOf(draft.period);
  assertText(draft.activity, 'activity', 500);
  return term;
}
