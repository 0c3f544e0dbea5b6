import { forbidden, Role, type HubContext } from '@federation-hub/partner-kit';

/**
 * The partner: a centre of adaptive sport and culture for disabled children, a co-executor of the regional model
 * "From birth through all life" (seed 003: the order's §2 charges the region's ministries of culture and of sport with
 * implementing it; the model's §4.4 names co-executor organizations, cultural and leisure services among them; §5 joins
 * them to the operator organizations by cooperation agreements). Its service name is `culture`, so its agency code is CULTURE.
 */
export const AGENCY = 'CULTURE';
export const SERVICE_NAME = 'culture';

/** The centre's records are written by its own specialists (coaches, instructors of adaptive sport, studio leaders). */
export function assertCultureSpecialist(ctx: HubContext): void {
  if (ctx.identity.role !== Role.SPECIALIST || ctx.identity.agency !== AGENCY) {
    throw forbidden('Only specialists of the culture and adaptive sport centre record enrolments and attendance', { agency: AGENCY });
  }
}
