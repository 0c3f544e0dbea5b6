import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';

export function checkVocationalTraining(draft: { startDate: IsoDate; endDate: IsoDate; programme: string }): void {
  assertPeriod(draft.startDate, draft.endDate);
  assertText(draft.programme, 'programme', 300);
}
