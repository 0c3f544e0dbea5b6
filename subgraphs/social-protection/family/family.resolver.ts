import { Arg, Args, Authorized, Ctx, FieldResolver, ID, ObjectType, Query, Resolver, Root } from 'type-graphql';
import { checkPageSize, Connection, decodeCursor, PageArgs, pageOf } from '../../kit/platform/connection';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { refusable } from '../../kit/policy/agency-access';
import { Role } from '../../kit/policy/roles';
import { Organization } from '../organization/organization.entity';
import { Person } from '../person/person.entity';
import { Territory } from '../territory/territory.entity';
import { Family, FamilyMember } from './family.entity';
import { assertMayReadFamily, familyScope } from './family.policy';

@ObjectType({ description: "A page of the caller's families, by name." })
export class FamilyConnection extends Connection(Family) {}

@Resolver(() => Family)
export class FamilyResolver {
  @Authorized(Role.COORDINATOR)
  @Query(() => Family, {
    nullable: true,
    description: "A family of the caller's operator organization (seed 003 §33); null when unknown, FORBIDDEN for another's.",
  })
  async family(@Arg('id', () => ID, { description: 'Hub id of the family.' }) id: string, @Ctx() ctx: HubContext): Promise<Family | null> {
    const family = await loaderBy(ctx, Family, 'id').load(id);
    if (!family) return null;
    await assertMayReadFamily(ctx, family, 'family');
    return family;
  }

  /** Keyset paging by (displayName, id): a family registered meanwhile never shifts the next page. */
  @Authorized(Role.COORDINATOR)
  @Query(() => FamilyConnection, {
    nullable: true,
    description: "The families of the caller's operator organization, by name then id (keyset cursors).",
  })
  async families(@Args() { first, after }: PageArgs, @Ctx() ctx: HubContext) {
    checkPageSize(first);
    const cursor = decodeCursor(after, 2);
    const scope = familyScope(ctx.identity);
    const where = cursor
      ? {
          $and: [
            scope,
            { $or: [{ displayName: { $gt: String(cursor[0]) } }, { displayName: String(cursor[0]), id: { $gt: String(cursor[1]) } }] },
          ],
        }
      : scope;
    const [rows, total] = await Promise.all([
      ctx.em.find(Family, where, { orderBy: { displayName: 'asc', id: 'asc' }, limit: first + 1 }),
      ctx.em.count(Family, scope),
    ]);
    return pageOf(rows, total, first, cursor, (f) => [f.displayName, f.id]);
  }

  @FieldResolver(() => [FamilyMember], {
    nullable: true,
    description: refusable('Members with their relation in the family (a household: bounded).'),
  })
  members(@Root() family: Family, @Ctx() ctx: HubContext): Promise<FamilyMember[]> {
    return loaderManyBy(ctx, FamilyMember, 'family').load(family.id);
  }

  @FieldResolver(() => Territory, {
    nullable: true,
    description: 'The municipality the family lives in; its operator organization serves it.',
  })
  async territory(@Root() family: Family, @Ctx() ctx: HubContext): Promise<Territory | null> {
    return loaderBy(ctx, Territory, 'oktmo').load(family.territory.oktmo);
  }

  @FieldResolver(() => Organization, {
    nullable: true,
    description: 'Operator organization that supports the family (seed 003 §4.2).',
  })
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
