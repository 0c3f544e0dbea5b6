import { forbidden } from '../../kit/policy/authorization';
import type { Identity } from '../../kit/platform/identity';
import { Role } from '../../kit/policy/roles';
import type { ReferralSide } from './referral-status';

/**
 * Which side of the loop the caller speaks for (FHIR SDOH referral management): a coordinator of the
 * requesting organization is the REQUESTER; a specialist of the executor organization's agency is the
 * EXECUTOR. Anyone else has no say: FORBIDDEN. Whether that side may set the status is the transition rule's call.
 */
export function referralSideOf(identity: Identity, referral: { requesterOrganizationId: string; executorAgency: string }): ReferralSide {
  if (identity.role === Role.COORDINATOR && identity.organizationId === referral.requesterOrganizationId) return 'REQUESTER';
  if (identity.role === Role.SPECIALIST && identity.agency === referral.executorAgency) return 'EXECUTOR';
  throw forbidden('Only the requesting coordinator or the executing agency may change this referral');
}
