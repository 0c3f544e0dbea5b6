import { takeUnassignedCase } from '../case-team/coordinator-assignment';
import type { HubContext } from '../../kit/platform/context';
import { StageTransition, type SupportCase } from './support-case.entity';
import type { ContactMethod, SupportStage } from './stages';

/** Records a stage move with who/when/why; the caller must run the case. Shared by agreeProgramme. */
export function recordTransition(
  em: HubContext['em'],
  ctx: HubContext,
  c: SupportCase,
  to: SupportStage,
  on: string,
  extra: { reason?: string | null; contactMethod?: ContactMethod | null } = {},
): void {
  em.persist(
    em.create(StageTransition, {
      caseId: c.id,
      personId: c.personId,
      fromStage: c.stage,
      toStage: to,
      bySubject: ctx.identity.subject,
      byRole: ctx.identity.role,
      on,
      recordedAt: new Date(),
      reason: extra.reason ?? null,
      contactMethod: extra.contactMethod ?? null,
    }),
  );
  c.stage = to;
  c.stageEnteredOn = on;
  // The coordinator who first moves a case is appointed to it, recorded in its history (seed 001 §3.3(3)).
  takeUnassignedCase(em, ctx, c, on);
}
