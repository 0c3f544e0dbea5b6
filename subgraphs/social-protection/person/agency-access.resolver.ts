import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AgencyAccess } from '../../kit/policy/agency-access';
import type { HubContext } from '../../kit/platform/context';
import { loaderManyBy } from '../../kit/platform/entity-loaders';
import { today } from '../../kit/platform/clock';
import { citizenActsFor } from '../consent/citizen.policy';
import { Consent, isConsentActive } from '../consent/consent.entity';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { Person } from './person.entity';

/**
 * Social protection answers, for the caller, whether other agencies may show their records
 * about a person: it alone knows the families and the consents, so it signs the answer (issue 13 §3).
 */
@Resolver(() => Person)
export class AgencyAccessResolver {
  @FieldResolver(() => AgencyAccess, {
    description:
      "The caller's access to other agencies' records about this person: never refused (a caller out of scope gets `inScope: false`).",
  })
  async agencyAccess(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyAccess> {
    const coordinator = await coordinatesPerson(ctx, person.id);
    // The citizen who is or represents the person gets a grant of basis CITIZEN: it opens the agencies' access logs
    // about the person (issue 15 §6) and none of their records (kit/policy/agency-access.ts).
    const citizen = !coordinator && (await citizenActsFor(ctx, person.id)) !== null;
    if (!coordinator && !citizen) return { inScope: false, consentedAgencies: [], grant: null };
    const day = today();
    const consents = await loaderManyBy(ctx, Consent, 'person').load(person.id);
    const consentedAgencies = [...new Set(consents.filter((c) => isConsentActive(c, day)).flatMap((c) => c.agencies))].sort();
    const grant = ctx.trust.grantIssuer?.issue({
      personId: person.id,
      caller: ctx.identity.subject,
      requestId: ctx.requestId,
      agencies: citizen ? [] : consentedAgencies,
      basis: citizen ? 'CITIZEN' : 'COORDINATOR',
    });
    return { inScope: coordinator, consentedAgencies, grant: grant ?? null };
  }
}
