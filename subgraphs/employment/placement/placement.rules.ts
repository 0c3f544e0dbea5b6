import { badInput, ruleViolation } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import type { PeriodInput } from '../../kit/platform/period';
import { assertText } from '../../kit/platform/input-rules';
import { termOf } from '../shared/period-input';
import { SpecialWorkplaceMeasure } from './job-placement.entity';

/** Checks a placement to be recorded; answers its term (open-ended for a permanent job). */
export function checkPlacement(draft: {
  period: PeriodInput;
  position: string;
  specialMeasures: SpecialWorkplaceMeasure[];
  quotaJobId: string | null;
}): { startsOn: IsoDate; endsOn: IsoDate | null } {
  const term = termOf(draft.period, { openEnded: true });
  assertText(draft.position, 'position', 200);
  if (new Set(draft.specialMeasures).size !== draft.specialMeasures.length)
    throw badInput('A special measure is listed twice', { field: 'specialMeasures' });
  if (draft.specialMeasures.includes(SpecialWorkplaceMeasure.QUOTA_JOB) && !draft.quotaJobId) {
    throw badInput('A placement on a quota job names the quota job (quotaJobId)', { field: 'quotaJobId' });
  }
  return term;
}

/** A quota place can be taken only while places remain (181-FZ art. 21). */
export function checkQuotaPlaceFree(job: { quota: number; filled: number; employerName: string }): void {
  if (job.filled >= job.quota) {
    throw ruleViolation(`All ${job.quota} quota places of ${job.employerName} are filled`, '181-FZ art. 21; seed 003 §28', {
      field: 'quotaJobId',
    });
  }
}
