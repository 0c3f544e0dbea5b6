import type { IsoDate } from '../../kit/dates';
import { assertPeriod, assertText } from '../../kit/input-rules';

export function checkVocationalTraining(draft: { startDate: IsoDate; endDate: IsoDate; programme: string }): void {
  assertPeriod(draft.startDate, draft.endDate);
  assertText(draft.programme, 'programme', 300);
}
