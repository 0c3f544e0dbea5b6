import { Arg, Args, ArgsType, Authorized, Ctx, Field, FieldResolver, ID, Int, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, Connection, decodeOffsetCursor as decodeCursor, offsetPageOf as pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { Role } from '../../kit/policy/roles';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Territory } from '../territory/territory.entity';
import { Family, FamilyMember } from './family.entity';
import { assertMayReadFamily, familyScope } from './family.policy';

@ObjectType()
export class FamilyConnection extends Connection(Family) {}

@ArgsType()
class FamilyPageArgs {
  @Field(() => Int, { defaultValue: 20 })
  first!: number;

  @Field(() => String, { nullable: true })
  after?: string | null;
}

@Resolver(() => Family)
export class FamilyResolver {
  @Authorized(Role.COORDINATOR)
  @Query(() => Family, { nullable: true, description: "A family of the caller's operator organization or territory." })
  async family(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Family | null> {
    const family = await loaderBy(ctx, Family, 'id').load(id);
    if (!family) return null;
    await assertMayReadFamily(ctx, family, 'family');
    return family;
  }

  @Authorized(Role.COORDINATOR)
  @Query(() => FamilyConnection, { description: "The caller's families, by name." })
  async families(@Args() { first, after }: FamilyPageArgs, @Ctx() ctx: HubContext) {
    const offset = decodeCursor(after);
    const [rows, total] = await ctx.em.findAndCount(Family, familyScope(ctx.identity), {
      orderBy: { displayName: 'asc', id: 'asc' },
      limit: checkPageSize(first),
      offset,
    });
    return pageOf(rows, total, offset, first);
  }

  @FieldResolver(() => [FamilyMember], { description: 'Members with their relation in the family.' })
  members(@Root() family: Family, @Ctx() ctx: HubContext): Promise<FamilyMember[]> {
    return loaderManyBy(ctx, FamilyMember, 'family').load(family.id);
  }

  @FieldResolver(() => Territory)
  async territory(@Root() family: Family, @Ctx() ctx: HubContext): Promise<Territory | null> {
    return loaderBy(ctx, Territory, 'oktmo').load(family.territory.oktmo);
  }

  @FieldResolver(() => Organization)
  async operatorOrganization(@Root() family: Family, @Ctx() ctx: HubContext): Promise<Organization | null> {
    return loaderBy(ctx, Organization, 'id').load(family.operatorOrganization.id);
  }
}

@Resolver(() => FamilyMember)
export class FamilyMemberResolver {
  @FieldResolver(() => Person, {
    nullable: true,
    description: 'The member; null when the person cannot be read: the error at this path says why.',
  })
  person(@Root() member: FamilyMember, @Ctx() ctx: HubContext): Promise<Person | null> {
    // Every field of the person is guarded by coordinatesPerson, which reads the person's memberships: asking
    // for them now puts that read in the same round trip as the person (the guard then finds it loaded).
    loaderManyBy(ctx, FamilyMember, 'person')
      .load(member.person.id)
      .catch(() => undefined);
    return loaderBy(ctx, Person, 'id').load(member.person.id);
  }
}
