import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, readOnly } from '../../kit/platform/entity-loaders';
import { Territory } from './territory.entity';

/** Territories are public reference data: the start of every resource-map query. */
@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => [Territory], {
    nullable: true,
    description: 'Municipal territories of the region, by name (42 in Irkutsk oblast; public reference data).',
  })
  territories(@Ctx() ctx: HubContext): Promise<Territory[]> {
    return readOnly(ctx, Territory, { orderBy: { name: 'asc' } });
  }

  @Query(() => Territory, { nullable: true, description: 'A municipal territory by OKTMO; null when unknown.' })
  territory(
    @Arg('oktmo', () => ID, { description: 'OKTMO code of the municipality, 8 or 11 digits.' }) oktmo: string,
    @Ctx() ctx: HubContext,
  ): Promise<Territory | null> {
    return loaderBy(ctx, Territory, 'oktmo').load(oktmo);
  }
}

export const territoryReference = {
  __resolveReference: (reference: { oktmo: string }, ctx: HubContext) => loaderBy(ctx, Territory, 'oktmo').load(reference.oktmo),
};
