import type { IsoDate } from '../shared/dates';
import { assertPeriod, assertText } from '../shared/input-rules';

export function checkVocationalTraining(draft: { startDate: IsoDate; endDate: IsoDate; programme: string }): void {
  assertPeriod(draft.startDate, draft.endDate);
  assertText(draft.programme, 'programme', 300);
}
