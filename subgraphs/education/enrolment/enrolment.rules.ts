import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod } from '../../kit/platform/input-rules';
import { EducationForm } from './enrolment.entity';

export interface EnrolmentDraft {
  form: EducationForm;
  period: { startsOn?: IsoDate | null; endsOn?: IsoDate | null };
  pmpkConclusionId: string | null;
}

/**
 * An enrolment starts on a day and does not end before it starts (issue 5). Inclusive and special classes are
 * formed by an adapted programme on the recommendation of a PMPK, so those forms must cite the conclusion.
 * Returns the term, the end null while open-ended.
 */
export function checkEnrolment(draft: EnrolmentDraft): { startsOn: IsoDate; endsOn: IsoDate | null } {
  const { startsOn, endsOn } = draft.period;
  if (!startsOn) throw badInput('An enrolment starts on a day: give period.startsOn', { field: 'period.startsOn' });
  assertPeriod(startsOn, endsOn, ['period.startsOn', 'period.endsOn']);
  if ((draft.form === EducationForm.INCLUSIVE_CLASS || draft.form === EducationForm.SPECIAL_CLASS) && !draft.pmpkConclusionId) {
    throw badInput(
      `Learning in a ${draft.form === EducationForm.INCLUSIVE_CLASS ? 'inclusive' : 'special'} class follows a PMPK conclusion; give pmpkConclusionId`,
      { field: 'pmpkConclusionId' },
    );
  }
  return { startsOn, endsOn: endsOn ?? null };
}

/** The conclusion cited must be the same person's and in force on the first day. */
export function checkCitedConclusion(
  conclusion: { personId: string; validUntil: IsoDate } | null,
  personId: string,
  startsOn: IsoDate,
): void {
  if (!conclusion) return;
  if (conclusion.personId !== personId) throw badInput('The PMPK conclusion is about another person', { field: 'pmpkConclusionId' });
  if (conclusion.validUntil < startsOn) {
    throw badInput(`The PMPK conclusion expired on ${conclusion.validUntil}, before the enrolment starts`, { field: 'pmpkConclusionId' });
  }
}
