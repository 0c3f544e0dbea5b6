import type { HubContext } from '../../kit/platform/context';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import type { Signal } from './signal.entity';

/**
 * A coordinator works the intake queue of her own operator organization (seed 003 §14, §20), and the unrouted
 * signals no operator holds yet (a partner could not say where the person lives), so nothing is lost.
 */
export function mayTakeSignal(ctx: HubContext, signal: Pick<Signal, 'operatorOrganizationId'>): boolean {
  const { identity } = ctx;
  if (identity.role !== Role.COORDINATOR || !identity.organizationId) return false;
  return signal.operatorOrganizationId === null || signal.operatorOrganizationId === identity.organizationId;
}

/** The decision and its audit: a refusal is recorded against the signal's person, when it names one. */
export function assertMayTakeSignal(ctx: HubContext, signal: Signal, operation: string): Signal {
  if (mayTakeSignal(ctx, signal)) return signal;
  ctx.audit.denied(operation, signal.personId ? [signal.personId] : [], 'FORBIDDEN');
  throw forbidden('This signal is in the intake queue of another operator organization', { signalId: signal.id });
}
