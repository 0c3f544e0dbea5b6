import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';

export const AGENCY = 'EMPLOYMENT';

/**
 * Employment records are written only by employment-service specialists (DOMAIN.md "Who works with
 * the data"). `@Authorized` already admits only specialists; another agency's specialist is refused here.
 */
export function assertEmploymentSpecialist(ctx: HubContext): void {
  if (ctx.identity.role !== Role.SPECIALIST || ctx.identity.agency !== AGENCY) {
    throw forbidden('Only employment-service specialists record employment measures', { agency: AGENCY });
  }
}
