import { now } from '../../kit/platform/clock';
import type { HubContext } from '../../kit/platform/context';
import type { SupportCase } from '../support-case/support-case.entity';
import { CoordinatorAssignment, CoordinatorAssignmentKind } from './case-team.entity';

/**
 * Appoints `to` as the case's coordinator and records the appointment with who, when and why (seed 001 §3.3(3)).
 * The case's `coordinatorSubject`/`coordinatorPost` always equal its latest appointment.
 */
export function recordAssignment(
  em: HubContext['em'],
  ctx: HubContext,
  c: SupportCase,
  to: { subject: string; post: string | null; on: string; reason: string | null },
): CoordinatorAssignment {
  const assignment = em.create(CoordinatorAssignment, {
    caseId: c.id,
    kind: c.coordinatorSubject ? CoordinatorAssignmentKind.TRANSFERRED : CoordinatorAssignmentKind.ASSIGNED,
    coordinatorSubject: to.subject,
    coordinatorPost: to.post,
    previousCoordinatorSubject: c.coordinatorSubject,
    assignedOn: to.on,
    bySubject: ctx.identity.subject,
    byRole: ctx.identity.role,
    reason: to.reason,
    recordedAt: now(),
  });
  c.coordinatorSubject = to.subject;
  c.coordinatorPost = to.post;
  return assignment;
}

/**
 * A case nobody has been appointed to yet is taken by the coordinator who first moves it (seed 001 §3.3(3)): that is
 * an appointment too, recorded in the case's history like any other, never a silent change.
 */
export function takeUnassignedCase(em: HubContext['em'], ctx: HubContext, c: SupportCase, on: string): void {
  if (c.coordinatorSubject) return;
  recordAssignment(em, ctx, c, {
    subject: ctx.identity.subject,
    post: c.coordinatorPost,
    on,
    reason: 'Принял(а) случай при первом переходе этапа',
  });
}
