import { forbidden, Role, type HubContext } from '@federation-hub/partner-kit';

/**
 * The partner: a centre of adaptive sport and culture for disabled children, one of the co-executors seed 003 names
 * beside the founding agencies (§2: the culture and sport bodies of the region's interdepartmental model; §5:
 * cooperation agreements with non-state providers). Its service name is `culture`, so its agency code is CULTURE.
 */
export const AGENCY = 'CULTURE';
export const SERVICE_NAME = 'culture';

/** The centre's records are written by its own specialists (coaches, instructors of adaptive sport, studio leaders). */
export function assertCultureSpecialist(ctx: HubContext): void {
  if (ctx.identity.role !== Role.SPECIALIST || ctx.identity.agency !== AGENCY) {
    throw forbidden('Only specialists of the culture and adaptive sport centre record enrolments and attendance', { agency: AGENCY });
  }
}
