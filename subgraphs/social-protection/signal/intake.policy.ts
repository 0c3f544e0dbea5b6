import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { forbidden } from '../../kit/policy/authorization';
import { Role } from '../../kit/policy/roles';
import { Organization, OrganizationKind } from '../organization/organization.entity';
import { inIntakeScope, intakeScopeOf, type IntakeScopeClause } from './intake.rules';
import type { Signal } from './signal.entity';

/**
 * The intake scope of the calling coordinator (intake.rules `intakeScopeOf`): her organization, and its territory when
 * it is an operator organization. Null for any other role, or a coordinator without an organization: no queue.
 */
export async function intakeScopeOfCaller(ctx: HubContext): Promise<IntakeScopeClause[] | null> {
  const { identity } = ctx;
  if (identity.role !== Role.COORDINATOR || !identity.organizationId) return null;
  const organization = await loaderBy(ctx, Organization, 'id').load(identity.organizationId);
  const operatorTerritoryOktmo = organization?.kind === OrganizationKind.OPERATOR ? organization.territory.oktmo : null;
  return intakeScopeOf({ organizationId: identity.organizationId, operatorTerritoryOktmo });
}

/**
 * A coordinator works the signals of her intake scope (seed 003 §14, §20): those routed to her operator organization,
 * the unrouted ones of its territory, and those no one can route (no territory), so nothing is lost.
 */
export async function mayTakeSignal(ctx: HubContext, signal: Pick<Signal, 'operatorOrganizationId' | 'territoryOktmo'>): Promise<boolean> {
  const scope = await intakeScopeOfCaller(ctx);
  return scope !== null && inIntakeScope(scope, signal);
}

/** The decision and its audit: a refusal is recorded against the signal's person, when it names one. */
export async function assertMayTakeSignal(ctx: HubContext, signal: Signal, operation: string): Promise<Signal> {
  if (await mayTakeSignal(ctx, signal)) return signal;
  ctx.audit.denied(operation, signal.personId ? [signal.personId] : [], 'FORBIDDEN');
  throw forbidden('This signal is in the intake queue of another operator organization', { signalId: signal.id });
}
