import type { FilterQuery } from '@mikro-orm/core';
import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import type { Identity } from '../../kit/platform/identity';
import { Role } from '../../kit/policy/roles';
import { FamilyMember, type Family } from './family.entity';

/**
 * A coordinator routes the families of her own operator organization (seed 003 §33) — and on
 * its territory; a coordinator of one municipality never reads a family of another.
 */
export function mayReadFamily(identity: Identity, family: Family): boolean {
  if (identity.role !== Role.COORDINATOR) return false;
  return family.operatorOrganization.id === identity.organizationId;
}

/**
 * The decision and its audit in one place: a refused attempt on a family is recorded as DENIED against
 * its members, so their access log shows who tried (152-FZ art. 19 — unauthorized access must be traceable).
 */
export async function assertMayReadFamily(ctx: HubContext, family: Family, operation: string): Promise<void> {
  if (mayReadFamily(ctx.identity, family)) return;
  const members = await loaderManyBy(ctx, FamilyMember, 'family').load(family.id);
  ctx.audit.denied(
    operation,
    members.map((m) => m.person.id),
    'FORBIDDEN',
  );
  throw forbidden('This family is supported by another operator organization', { familyId: family.id });
}

/** The same rule as a query filter, so list queries only ever fetch the caller's families. */
export function familyScope(identity: Identity): FilterQuery<Family> {
  if (identity.role !== Role.COORDINATOR || !identity.organizationId) return { id: { $in: [] } };
  return { operatorOrganization: identity.organizationId };
}
