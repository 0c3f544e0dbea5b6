import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AgencyAccess } from '../../kit/agency-access';
import type { HubContext } from '../../kit/context';
import { loaderManyBy } from '../../kit/entity-loaders';
import { today } from '../../kit/clock';
import { Consent, isConsentActive } from '../consent/consent.entity';
import { coordinatesPerson } from '../support-case/support-case.policy';
import { Person } from './person.entity';

/**
 * Social protection answers, for the caller, whether other agencies may show their records
 * about a person: it alone knows the families and the consents.
 */
@Resolver(() => Person)
export class AgencyAccessResolver {
  @FieldResolver(() => AgencyAccess, { description: "The caller's access to other agencies' records about this person." })
  async agencyAccess(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyAccess> {
    if (!(await coordinatesPerson(ctx, person.id))) return { inScope: false, consentedAgencies: [] };
    const day = today();
    const consents = await loaderManyBy(ctx, Consent, 'person').load(person.id);
    const agencies = new Set(consents.filter((c) => isConsentActive(c, day)).flatMap((c) => c.agencies));
    return { inScope: true, consentedAgencies: [...agencies].sort() };
  }
}
