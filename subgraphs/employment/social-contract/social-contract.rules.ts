import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import type { PeriodInput } from '../../kit/platform/period';
import { assertText } from '../../kit/platform/input-rules';
import { termOf } from '../shared/period-input';
import { SocialContractMeasureStatus } from './social-contract-measure.entity';

/** Checks a social-contract measure to be recorded; answers its term. */
export function checkSocialContractMeasure(
  draft: { contractNumber: string; measure: string; period: PeriodInput; status: SocialContractMeasureStatus },
  today: IsoDate,
): { startsOn: IsoDate; endsOn: IsoDate } {
  assertText(draft.contractNumber, 'contractNumber', 64);
  assertText(draft.measure, 'measure', 500);
  const term = termOf(draft.period);
  if (draft.status === SocialContractMeasureStatus.DONE && term.startsOn > today) {
    throw badInput('A measure that has not started cannot be reported as done', { field: 'status' });
  }
  return term;
}
