import { Arg, Args, Ctx, ObjectType, Query, Resolver } from 'type-graphql';
import { badInput, checkPageSize, Connection, decodeCursor, PageArgs, pageOf, type HubContext } from '@federation-hub/partner-kit';
import { Section, SectionKind } from './section.entity';

@ObjectType({ description: 'A page of the centre’s sections on a territory.' })
export class SectionConnection extends Connection(Section) {}

@Resolver(() => Section)
export class SectionResolver {
  @Query(() => SectionConnection, {
    nullable: true,
    description: 'The sections of the culture and adaptive sport centre on a territory, sport first, then by name. Anyone signed in.',
  })
  async cultureSections(
    @Arg('territoryOktmo', { description: 'OKTMO code of the territory (8 or 11 digits), e.g. 25701000 for Irkutsk.' })
    territoryOktmo: string,
    @Args() { first, after }: PageArgs,
    @Ctx() ctx: HubContext,
  ): Promise<SectionConnection> {
    if (!/^\d{8}(\d{3})?$/.test(territoryOktmo)) {
      throw badInput('territoryOktmo must be an OKTMO code of 8 or 11 digits', { argument: 'territoryOktmo' });
    }
    const size = checkPageSize(first);
    // Keyset paging on (kind, name, id): the next page starts after the last section seen even if one is added meanwhile.
    const cursor = decodeCursor(after, 3) as [SectionKind, string, string] | null;
    const where = { territoryOktmo };
    const afterCursor = cursor
      ? {
          $or: [
            { kind: { $gt: cursor[0] } },
            { kind: cursor[0], name: { $gt: cursor[1] } },
            { kind: cursor[0], name: cursor[1], id: { $gt: cursor[2] } },
          ],
        }
      : {};
    // Public reference data, no personal data: nothing to audit.
    const [rows, total] = await Promise.all([
      ctx.em.find(Section, { ...where, ...afterCursor }, { orderBy: { kind: 'asc', name: 'asc', id: 'asc' }, limit: size + 1 }),
      ctx.em.count(Section, where),
    ]);
    return pageOf(rows, total, size, cursor, (s) => [s.kind, s.name, s.id]);
  }
}
