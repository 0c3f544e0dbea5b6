import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { notFound } from '../../kit/platform/errors';
import { Role } from '../../kit/policy/roles';
// Types only: the loaders find the entities by name, so this policy (used by Person's own fields) does not load
// the family entities, which load Person.
import type { Family, FamilyMember } from '../family/family.entity';
import type { SupportCase } from './support-case.entity';

/** The coordinator of the case's operator organization runs it (seed 003 §33); nobody else reads or moves it. */
export function assertMayRunCase(ctx: HubContext, supportCase: SupportCase | null, id: string): SupportCase {
  if (!supportCase) throw notFound('Support case', id);
  const { identity } = ctx;
  if (identity.role !== Role.COORDINATOR || !identity.organizationId || supportCase.operatorOrganizationId !== identity.organizationId) {
    // Refusals are audited like reads (issue 12 §7), against the person the case is about.
    ctx.audit.denied('SupportCase', supportCase.personId, 'FORBIDDEN');
    throw forbidden('This support case is run by another operator organization', { caseId: id });
  }
  return supportCase;
}

/**
 * True when the caller coordinates a family the person belongs to. Batched: memberships and families
 * of all persons of the request are read in one statement each (shared with Person.agencyAccess).
 */
export async function coordinatesPerson(ctx: HubContext, personId: string): Promise<boolean> {
  const { identity } = ctx;
  if (identity.role !== Role.COORDINATOR || !identity.organizationId) return false;
  const memberships = await loaderManyBy<FamilyMember>(ctx, 'FamilyMember', 'person').load(personId);
  const families = await loaderBy<Family>(ctx, 'Family', 'id').loadMany(memberships.map((m) => m.family.id));
  return families.some((f) => f && !(f instanceof Error) && f.operatorOrganization.id === identity.organizationId);
}

/** Social protection's own records about a person: the coordinator of the person's family only (seed 003 §33; 152-FZ). */
export async function assertMayReadSupportRecords(ctx: HubContext, personId: string, operation: string): Promise<void> {
  if (await coordinatesPerson(ctx, personId)) {
    ctx.audit.read(operation, personId);
    return;
  }
  const refusal = forbidden('Support records are open to the coordinator of the person’s family only');
  ctx.audit.denied(operation, personId, 'FORBIDDEN');
  throw refusal;
}
