import { badInput } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';
import { SocialContractMeasureStatus } from './social-contract-measure.entity';

export function checkSocialContractMeasure(
  draft: { contractNumber: string; measure: string; startDate: IsoDate; endDate: IsoDate; status: SocialContractMeasureStatus },
  today: IsoDate,
): void {
  assertText(draft.contractNumber, 'contractNumber', 64);
  assertText(draft.measure, 'measure', 500);
  assertPeriod(draft.startDate, draft.endDate);
  if (draft.status === SocialContractMeasureStatus.DONE && draft.startDate > today) {
    throw badInput('A measure that has not started cannot be reported as done', { field: 'status' });
  }
}
