import { badInput, ruleViolation } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';

/** Social employment is for people with the 3rd degree of limitation of the ability to work (seed 003 §29, order 605n). */
export const SOCIAL_EMPLOYMENT_DEGREE = 3;

export function checkSocialEmployment(draft: {
  workAbilityLimitationDegree: number;
  startDate: IsoDate;
  endDate: IsoDate;
  activity: string;
}): void {
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
  assertPeriod(draft.startDate, draft.endDate);
  assertText(draft.activity, 'activity', 500);
}
