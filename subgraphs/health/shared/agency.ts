import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';

export const AGENCY = 'HEALTH';

/**
 * Health records (IPRA, MSE referrals, rehabilitation, attachment) are written and looked up by
 * health specialists only (DOMAIN.md "Who works with the data"). `@Authorized(Role.SPECIALIST)` is the
 * coarse gate; a specialist of another agency is refused here.
 */
export function assertHealthSpecialist(ctx: HubContext): void {
  if (ctx.identity.role !== Role.SPECIALIST || ctx.identity.agency !== AGENCY) {
    throw forbidden('Only health specialists work with health records', { agency: AGENCY });
  }
}
