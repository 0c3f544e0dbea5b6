import { Ctx, FieldResolver, Resolver, Root } from 'type-graphql';
import { AgencyAccess } from '../../kit/agency-access';
import type { HubContext } from '../../kit/context';
import { loaderManyBy } from '../../kit/entity-loaders';
import { Role } from '../../kit/roles';
import { today } from '../../kit/scalars';
import { Consent, isConsentActive } from '../consent/consent.entity';
import { Family, FamilyMember } from '../family/family.entity';
import { Person } from './person.entity';

/**
 * Social protection answers, for the caller, whether other agencies may show their records
 * about a person: it alone knows the families and the consents.
 */
@Resolver(() => Person)
export class AgencyAccessResolver {
  @FieldResolver(() => AgencyAccess, { description: "The caller's access to other agencies' records about this person." })
  async agencyAccess(@Root() person: Person, @Ctx() ctx: HubContext): Promise<AgencyAccess> {
    const { identity } = ctx;
    if (identity.role !== Role.COORDINATOR || !identity.organizationId) return { inScope: false, consentedAgencies: [] };
    const memberships = await loaderManyBy(ctx, FamilyMember, 'person').load(person.id);
    const families = await ctx.loaders
      .get<string, Family | null>('Family.id', async (ids) => {
        const rows = await ctx.em.find(Family, { id: { $in: [...ids] } });
        return ids.map((id) => rows.find((f) => f.id === id) ?? null);
      })
      .loadMany(memberships.map((m) => m.family.id));
    const inScope = families.some((f) => f && !(f instanceof Error) && f.operatorOrganization.id === identity.organizationId);
    if (!inScope) return { inScope: false, consentedAgencies: [] };
    const day = today();
    const consents = await loaderManyBy(ctx, Consent, 'person').load(person.id);
    const agencies = new Set(consents.filter((c) => isConsentActive(c, day)).flatMap((c) => c.agencies));
    return { inScope: true, consentedAgencies: [...agencies].sort() };
  }
}
