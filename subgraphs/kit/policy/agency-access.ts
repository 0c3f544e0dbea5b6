import { Directive, Field, ObjectType } from 'type-graphql';
import { forbidden } from './authorization';
import type { ConsentGrant, GrantRejection } from './consent-grant';
import type { HubContext } from '../platform/context';
import { DomainError, ErrorCode } from '../platform/errors';
import { Role } from './roles';
import { withheldRoute, type AgencyRoute } from '../../conventions/route/contract';

/**
 * What social protection — where families and consents live — says about the current caller
 * and one person. Agency subgraphs receive it through `@requires(fields: "agencyAccess { ... }")`
 * on their `Person` fields and decide with `assertMayReadAgencyRecords`; the gateway only carries it.
 * The agencies decide from `grant`, social protection's signature over the decision, never from the
 * plain fields, which anyone between could have changed (issue 13 §3).
 */
@Directive('@shareable')
@ObjectType({ description: "The caller's access to other agencies' records about a person." })
export class AgencyAccess {
  @Field({ description: "True when the person belongs to a family of the caller's operator organization." })
  inScope!: boolean;

  @Field(() => [String], { description: 'Agencies covered by an active consent to exchange (seed 001 §1.5, seed 004 annex 5 §3.3.1).' })
  consentedAgencies!: string[];

  @Field(() => String, {
    nullable: true,
    description:
      'The same decision signed by social protection (compact JWS, EdDSA) for this person, this caller and this request, valid a minute. ' +
      "Agencies verify it with social protection's public key set and decide from it alone. Null when the caller does not coordinate the person.",
  })
  grant?: string | null;
}

/**
 * The description of a field a policy may refuse (consent, scope, role). Such a field is nullable: a refusal is
 * `null` with one coded error at that field's path, and its parent and siblings stay (issue 12 §6; a non-null
 * field would pass the null up and wipe the family, as in Apollo Federation's issue #584).
 */
export const refusable = (description: string): string =>
  `${description} Null when refused for the caller: the error at this path says why (CONSENT_REQUIRED or FORBIDDEN).`;

/** What agencies select of `agencyAccess`; `grant` is what they decide from. */
export const AGENCY_ACCESS_SELECTION = 'agencyAccess { inScope consentedAgencies grant }';

/** The selection agencies put in `@requires` on every Person field that returns their records. */
export const AGENCY_ACCESS_REQUIRES = `@requires(fields: "${AGENCY_ACCESS_SELECTION}")`;

/**
 * An agency's records about a person are read by the agency's own specialists, and by the
 * coordinator of the person's family only while an active consent covers that agency.
 */
export function assertMayReadAgencyRecords(
  ctx: HubContext,
  agency: string,
  person: { id: string; agencyAccess?: AgencyAccess | null },
  operation: string,
): void {
  const refusal = refusalFor(ctx, agency, person);
  if (refusal) {
    ctx.audit.denied(operation, person.id, refusal.extensions.code as string);
    throw refusal;
  }
  ctx.audit.read(operation, person.id);
}

/**
 * The same decision for an agency's route field (route convention). A missing consent is an expected gap
 * in a family's route, so it is answered as `withheld` data (and audited as a denial) instead of an error;
 * any other refusal is thrown as usual. Returns null when the caller may read the records.
 */
export function agencyRouteAccess(
  ctx: HubContext,
  agency: string,
  person: { id: string; agencyAccess?: AgencyAccess | null },
  operation: string,
): AgencyRoute | null {
  const refusal = refusalFor(ctx, agency, person);
  if (!refusal) {
    ctx.audit.read(operation, person.id);
    return null;
  }
  ctx.audit.denied(operation, person.id, refusal.code);
  if (refusal.code === ErrorCode.CONSENT_REQUIRED) return withheldRoute(agency, { code: refusal.code, message: refusal.message });
  throw refusal;
}

type PersonWithAccess = { id: string; agencyAccess?: AgencyAccess | null };

function refusalFor(ctx: HubContext, agency: string, person: PersonWithAccess): DomainError | null {
  const { identity } = ctx;
  if (identity.role === Role.SPECIALIST && identity.agency === agency) return null;
  if (identity.role === Role.COORDINATOR) {
    const grant = consentGrantFor(ctx, person);
    // A grant made for a citizen reading their own access log never opens an agency's records (issue 15 §6).
    if (typeof grant !== 'string' && grant.basis === 'CITIZEN') return forbidden('The consent decision was made for a citizen');
    // No grant is social protection's "not your family"; a grant that does not verify is someone else's making.
    if (grant === 'missing') return forbidden('This person is not in a family of your organization');
    if (typeof grant === 'string') return forbidden('The consent decision for this person is not signed by social protection', { grant });
    if (!grant.agencies.includes(agency)) {
      return new DomainError(ErrorCode.CONSENT_REQUIRED, `No active consent covers exchange with ${agency}`, { agency });
    }
    return null;
  }
  return forbidden(`Records of ${agency} are not open to the ${identity.role.toLowerCase()} role`, { agency });
}

/**
 * Social protection's signed decision about this caller and this person, once verified per request: the grant
 * must be its signature, unexpired, and name this person, this caller and this request.
 */
export function consentGrantFor(ctx: HubContext, person: PersonWithAccess): ConsentGrant | GrantRejection {
  const token = person.agencyAccess?.grant;
  if (!token) return 'missing';
  const key = `${person.id} ${token}`;
  let verdict = ctx.checkedGrants.get(key);
  if (!verdict) {
    const verifier = ctx.trust.grantVerifier;
    // Only an agency that is not the consent owner is given social protection's key set; without it nothing verifies.
    verdict = verifier
      ? verifier.verify(token, { personId: person.id, caller: ctx.identity.subject, requestId: ctx.requestId })
      : 'unknown-key';
    ctx.checkedGrants.set(key, verdict);
  }
  return verdict;
}
