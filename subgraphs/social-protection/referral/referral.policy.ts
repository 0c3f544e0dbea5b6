import { forbidden } from '../../kit/policy/authorization';
import type { HubContext } from '../../kit/platform/context';
import type { Identity } from '../../kit/platform/identity';
import { Role } from '../../kit/policy/roles';
import type { ReferralSide } from './referral-status';

/**
 * Which side of the loop the caller speaks for (FHIR SDOH referral management): a coordinator of the
 * requesting organization is the REQUESTER; a specialist of the organization the referral is addressed to is the
 * EXECUTOR — that organization only, not any specialist of the same agency (seed 003 §27: the referral goes to an
 * organization; another clinic of the health ministry has no say in it). Anyone else has no say: FORBIDDEN.
 * Whether that side may set the status is the transition rule's call.
 */
export function referralSideOf(
  identity: Identity,
  referral: { requesterOrganizationId: string; executorOrganizationId: string; executorAgency: string },
): ReferralSide {
  if (identity.role === Role.COORDINATOR && identity.organizationId === referral.requesterOrganizationId) return 'REQUESTER';
  if (
    identity.role === Role.SPECIALIST &&
    identity.organizationId !== null &&
    identity.organizationId === referral.executorOrganizationId &&
    identity.agency === referral.executorAgency
  ) {
    return 'EXECUTOR';
  }
  throw forbidden('Only the requesting coordinator or a specialist of the organization the referral is addressed to may act on it');
}

/** As referralSideOf, and a refusal is audited against the person referred, as a refused case is (issue 12 §7). */
export function referralSideFor(
  ctx: Pick<HubContext, 'identity' | 'audit'>,
  referral: { requesterOrganizationId: string; executorOrganizationId: string; executorAgency: string; personId: string },
  operation: string,
): ReferralSide {
  try {
    return referralSideOf(ctx.identity, referral);
  } catch (error) {
    ctx.audit.denied(operation, referral.personId, 'FORBIDDEN');
    throw error;
  }
}
