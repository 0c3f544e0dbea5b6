import type { HubContext } from '../../kit/platform/context';
import type { SupportStage } from '../support-case/stages';
import type { SupportCase } from '../support-case/support-case.entity';
import { NeedsAssessment } from './needs-assessment.entity';
import { assertAssessedBeforeStage, latestAssessment } from './needs-assessment.rules';

/**
 * The gate advanceSupportCase calls (seed 003 §19): a case enters NEEDS_ASSESSED only with a survey of its latest
 * assessment recorded, not before the survey's day. Reads inside the caller's transaction.
 */
export async function assertNeedsAssessedFor(em: HubContext['em'], c: SupportCase, to: SupportStage, on: string): Promise<void> {
  assertAssessedBeforeStage(to, on, latestAssessment(await em.find(NeedsAssessment, { caseId: c.id })));
}
