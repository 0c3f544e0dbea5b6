import type { PeriodInput } from '../../kit/platform/period';
import { assertText } from '../../kit/platform/input-rules';
import { termOf } from '../shared/period-input';

export function checkVocationalTraining(draft: { period: PeriodInput; programme: string }): { startsOn: string; endsOn: string } {
  const term = termOf(draft.period);
  assertText(draft.programme, 'programme', 300);
  return term;
}
