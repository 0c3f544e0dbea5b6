import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod } from '../../kit/platform/input-rules';
import { EducationForm } from './enrolment.entity';

export interface EnrolmentDraft {
  form: EducationForm;
  fromDate: IsoDate;
  toDate: IsoDate | null;
  pmpkConclusionId: string | null;
}

/**
 * An enrolment ending before it starts is refused (issue 5). Inclusive and special classes are formed
 * by an adapted programme on the recommendation of a PMPK, so those forms must cite the conclusion.
 */
export function checkEnrolment(draft: EnrolmentDraft): void {
  assertPeriod(draft.fromDate, draft.toDate, ['fromDate', 'toDate']);
  if ((draft.form === EducationForm.INCLUSIVE_CLASS || draft.form === EducationForm.SPECIAL_CLASS) && !draft.pmpkConclusionId) {
    throw badInput(
      `Learning in a ${draft.form === EducationForm.INCLUSIVE_CLASS ? 'inclusive' : 'special'} class follows a PMPK conclusion; give pmpkConclusionId`,
      {
        field: 'pmpkConclusionId',
      },
    );
  }
}

/** The conclusion cited must be the same person's and in force on the first day. */
export function checkCitedConclusion(
  conclusion: { personId: string; date: IsoDate; validUntil: IsoDate } | null,
  personId: string,
  fromDate: IsoDate,
): void {
  if (!conclusion) return;
  if (conclusion.personId !== personId) throw badInput('The PMPK conclusion is about another person', { field: 'pmpkConclusionId' });
  if (conclusion.validUntil < fromDate) {
    throw badInput(`The PMPK conclusion expired on ${conclusion.validUntil}, before the enrolment starts`, { field: 'pmpkConclusionId' });
  }
}
