import type { FilterQuery } from '@mikro-orm/core';
import { forbidden } from '../../kit/authorization';
import type { Identity } from '../../kit/identity';
import { Role } from '../../kit/roles';
import type { Family } from './family.entity';

/**
 * A coordinator routes the families of her own operator organization (seed 003 §33) — and on
 * its territory; a coordinator of one municipality never reads a family of another.
 */
export function mayReadFamily(identity: Identity, family: Family): boolean {
  if (identity.role !== Role.COORDINATOR) return false;
  return family.operatorOrganization.id === identity.organizationId;
}

export function assertMayReadFamily(identity: Identity, family: Family): void {
  if (!mayReadFamily(identity, family)) {
    throw forbidden('This family is supported by another operator organization', { familyId: family.id });
  }
}

/** The same rule as a query filter, so list queries only ever fetch the caller's families. */
export function familyScope(identity: Identity): FilterQuery<Family> {
  if (identity.role !== Role.COORDINATOR || !identity.organizationId) return { id: { $in: [] } };
  return { operatorOrganization: identity.organizationId };
}
