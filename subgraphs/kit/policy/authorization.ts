import type { AuthChecker } from 'type-graphql';
import type { HubContext } from '../platform/context';
import { DomainError, ErrorCode } from '../platform/errors';
import type { Role } from './roles';

/**
 * `@Authorized(Role.COORDINATOR, ...)` on a type-graphql field or operation: the coarse gate.
 * What a role may see *within* an allowed field (its own families, its own agency's records,
 * consent) is decided next to the query that reads the rows, in each subgraph's policy file.
 */
export const roleChecker: AuthChecker<HubContext> = ({ context, info }, roles) => {
  if (roles.length === 0 || roles.includes(context.identity.role)) return true;
  // A refusal is audited like a read (issue 12 §7): the gate knows the field, not yet whose data it would have shown.
  context.audit.denied(`${info.parentType.name}.${info.fieldName}`, [], ErrorCode.FORBIDDEN);
  return false;
};

export function forbidden(message: string, details: Record<string, unknown> = {}): DomainError {
  return new DomainError(ErrorCode.FORBIDDEN, message, details);
}

export function requireRole(context: HubContext, ...roles: Role[]): void {
  if (!roles.includes(context.identity.role)) {
    throw forbidden(`This operation is not open to the ${context.identity.role.toLowerCase()} role`);
  }
}
