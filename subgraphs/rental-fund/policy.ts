import { forbidden } from '../kit/policy/authorization';
import type { HubContext } from '../kit/platform/context';
import { Role } from '../kit/policy/roles';

export const AGENCY = 'RENTAL_FUND';

/** The rental point's own work (contracts, returns, journals, the queue) is for its specialists. */
export function requireRentalSpecialist(ctx: HubContext): void {
  if (ctx.identity.role !== Role.SPECIALIST || ctx.identity.agency !== AGENCY) {
    throw forbidden('Only specialists of the rental fund may do this', { agency: AGENCY });
  }
}

/**
 * An application may also be submitted by the family's coordinator, who routes the family to the
 * rental point (seed 003 §33.3). Kept simple for now: any coordinator may submit one.
 */
export function requireMayApply(ctx: HubContext): void {
  if (ctx.identity.role === Role.COORDINATOR) return;
  requireRentalSpecialist(ctx);
}
