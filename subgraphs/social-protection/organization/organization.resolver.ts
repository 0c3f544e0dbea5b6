import { Arg, Ctx, FieldResolver, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, readOnly } from '../../kit/platform/entity-loaders';
import { Territory } from '../territory/territory.entity';
import { Organization } from './organization.entity';

/** The organization directory is public reference data (seed 003 annex): every role may read it. */
@Resolver(() => Organization)
export class OrganizationResolver {
  @Query(() => [Organization], {
    nullable: true,
    description: 'Organizations of the regional directory, by code, optionally of one territory (public reference data).',
  })
  organizations(
    @Arg('territoryOktmo', () => String, { nullable: true, description: 'OKTMO of a territory to list its organizations only.' })
    territoryOktmo: string | null,
    @Ctx() ctx: HubContext,
  ): Promise<Organization[]> {
    return readOnly(ctx, Organization, {
      where: territoryOktmo ? { field: 'territory', values: [territoryOktmo] } : undefined,
      orderBy: { code: 'asc' },
    });
  }

  @FieldResolver(() => Territory, { nullable: true, description: 'The municipality where the organization is registered.' })
  territory(@Root() organization: Organization, @Ctx() ctx: HubContext): Promise<Territory | null> {
    return loaderBy(ctx, Territory, 'oktmo').load(organization.territory.oktmo);
  }
}

export const organizationReference = {
  __resolveReference: (reference: { id: string }, ctx: HubContext) => loaderBy(ctx, Organization, 'id').load(reference.id),
};
