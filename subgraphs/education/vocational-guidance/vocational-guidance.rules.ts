import { badInput, ruleViolation } from '../../kit/platform/errors';
import { ageOn, type IsoDate } from '../../kit/platform/dates';
import { assertText } from '../../kit/platform/input-rules';

/** Vocational guidance and training of people with disabilities start at 14 (seed 003 §4.3). */
export const VOCATIONAL_GUIDANCE_MIN_AGE = 14;

export function checkVocationalGuidance(draft: { bornOn: IsoDate; heldOn: IsoDate; recommendation: string }, today: IsoDate): void {
  assertText(draft.recommendation, 'recommendation');
  if (draft.heldOn > today) throw badInput(`Guidance cannot be recorded for a future day (${draft.heldOn})`, { field: 'heldOn' });
  const age = ageOn(draft.bornOn, draft.heldOn);
  if (age < VOCATIONAL_GUIDANCE_MIN_AGE) {
    throw ruleViolation(
      `Vocational guidance starts at ${VOCATIONAL_GUIDANCE_MIN_AGE}; the person is ${age} on ${draft.heldOn}`,
      'seed 003 §4.3',
      { field: 'bornOn', age },
    );
  }
}
