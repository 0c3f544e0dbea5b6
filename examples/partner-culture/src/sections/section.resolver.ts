import { Arg, Ctx, Query, Resolver } from 'type-graphql';
import { badInput, type HubContext } from '@federation-hub/partner-kit';
import { Section } from './section.entity';

@Resolver(() => Section)
export class SectionResolver {
  @Query(() => [Section], {
    nullable: true,
    description: 'The sections of the culture and adaptive sport centre on a territory, sport first, then by name. Anyone signed in.',
  })
  cultureSections(
    @Arg('territoryOktmo', { description: 'OKTMO code of the territory (8 or 11 digits), e.g. 25701000 for Irkutsk.' })
    territoryOktmo: string,
    @Ctx() ctx: HubContext,
  ): Promise<Section[]> {
    if (!/^\d{8}(\d{3})?$/.test(territoryOktmo))
      throw badInput('territoryOktmo must be an OKTMO code of 8 or 11 digits', { argument: 'territoryOktmo' });
    // Public reference data, no personal data: nothing to audit.
    return ctx.em.find(Section, { territoryOktmo }, { orderBy: { kind: 'asc', name: 'asc' } });
  }
}
