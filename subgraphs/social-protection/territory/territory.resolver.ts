import { Arg, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, readOnly } from '../../kit/platform/entity-loaders';
import { Territory } from './territory.entity';

/** Territories are public reference data: the start of every resource-map query. */
@Resolver(() => Territory)
export class TerritoryResolver {
  @Query(() => [Territory], { description: 'Municipal territories of the region.' })
  territories(@Ctx() ctx: HubContext): Promise<Territory[]> {
    return readOnly(ctx, Territory, { orderBy: { name: 'asc' } });
  }

  @Query(() => Territory, { nullable: true })
  territory(@Arg('oktmo', () => ID) oktmo: string, @Ctx() ctx: HubContext): Promise<Territory | null> {
    return loaderBy(ctx, Territory, 'oktmo').load(oktmo);
  }
}

export const territoryReference = {
  __resolveReference: (reference: { oktmo: string }, ctx: HubContext) => loaderBy(ctx, Territory, 'oktmo').load(reference.oktmo),
};
