import { badInput, ruleViolation } from '../../kit/platform/errors';
import { ageOn, type IsoDate } from '../../kit/platform/dates';
import { assertText } from '../../kit/platform/input-rules';

/** Vocational guidance and training of people with disabilities start at 14 (seed 003 §4.3). */
export const VOCATIONAL_GUIDANCE_MIN_AGE = 14;

export function checkVocationalGuidance(draft: { birthDate: IsoDate; date: IsoDate; recommendation: string }, today: IsoDate): void {
  assertText(draft.recommendation, 'recommendation');
  if (draft.date > today) throw badInput(`Guidance cannot be recorded for a future date (${draft.date})`, { field: 'date' });
  const age = ageOn(draft.birthDate, draft.date);
  if (age < VOCATIONAL_GUIDANCE_MIN_AGE) {
    throw ruleViolation(
      `Vocational guidance starts at ${VOCATIONAL_GUIDANCE_MIN_AGE}; the person is ${age} on ${draft.date}`,
      'seed 003 §4.3',
      {
        field: 'birthDate',
        age,
      },
    );
  }
}
