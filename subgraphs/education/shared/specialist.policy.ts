import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import { Role } from '../../kit/policy/roles';

export const AGENCY = 'EDUCATION';

/**
 * Education records are written only by education specialists (psychologists, teachers-defectologists,
 * early-help specialists): seed 002 §3, DOMAIN.md "Who works with the data". `@Authorized` already
 * admits only specialists; a specialist of another agency is refused here.
 */
export function assertEducationSpecialist(ctx: HubContext): void {
  if (ctx.identity.role !== Role.SPECIALIST || ctx.identity.agency !== AGENCY) {
    throw forbidden('Only education specialists record education measures', { agency: AGENCY });
  }
}
