import { badInput, ruleViolation } from '../../kit/platform/errors';
import type { IsoDate } from '../../kit/platform/dates';
import { assertPeriod, assertText } from '../../kit/platform/input-rules';
import { SpecialWorkplaceMeasure } from './job-placement.entity';

export function checkPlacement(draft: {
  startDate: IsoDate;
  endDate: IsoDate | null;
  position: string;
  specialMeasures: SpecialWorkplaceMeasure[];
  quotaJobId: string | null;
}): void {
  assertPeriod(draft.startDate, draft.endDate);
  assertText(draft.position, 'position', 200);
  if (new Set(draft.specialMeasures).size !== draft.specialMeasures.length)
    throw badInput('A special measure is listed twice', { field: 'specialMeasures' });
  if (draft.specialMeasures.includes(SpecialWorkplaceMeasure.QUOTA_JOB) && !draft.quotaJobId) {
    throw badInput('A placement on a quota job names the quota job (quotaJobId)', { field: 'quotaJobId' });
  }
}

/** A quota place can be taken only while places remain (181-FZ art. 21). */
export function checkQuotaPlaceFree(job: { quota: number; filled: number; employerName: string }): void {
  if (job.filled >= job.quota) {
    throw ruleViolation(`All ${job.quota} quota places of ${job.employerName} are filled`, '181-FZ art. 21; seed 003 §28', {
      field: 'quotaJobId',
    });
  }
}
