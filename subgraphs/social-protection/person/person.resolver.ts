import { Arg, Authorized, Ctx, FieldResolver, ID, Query, Resolver, Root } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy, loaderManyBy } from '../../kit/platform/entity-loaders';
import { Period, periodOf } from '../../kit/platform/period';
import { refusable } from '../../kit/policy/agency-access';
import { Role } from '../../kit/policy/roles';
import { normalizeSnils } from '../../kit/domain/snils';
import { Family, FamilyMember } from '../family/family.entity';
import { assertMayReadFamily } from '../family/family.policy';
import { forbidden } from '../../kit/policy/authorization';
import { citizenActsFor, peopleCitizenActsFor } from '../consent/citizen.policy';
import { Person } from './person.entity';
import { PersonalData } from './person.policy';

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(Role.COORDINATOR, Role.SPECIALIST, Role.CITIZEN)
  @Query(() => Person, {
    nullable: true,
    description:
      'A person by hub id; null when unknown. Each personal field is then checked on its own (seed 002 §2.4). ' +
      'A citizen opens only themself and the people they legally represent (FORBIDDEN otherwise, known or not).',
  })
  async person(@Arg('id', () => ID, { description: 'Hub id of the person.' }) id: string, @Ctx() ctx: HubContext): Promise<Person | null> {
    if (ctx.identity.role === Role.CITIZEN && !(await citizenActsFor(ctx, id))) {
      ctx.audit.denied('person', /^[0-9a-f-]{36}$/i.test(id) ? id : [], 'FORBIDDEN');
      throw forbidden('A citizen opens only themself and the people they represent');
    }
    return loaderBy(ctx, Person, 'id').load(id);
  }

  @Authorized(Role.CITIZEN)
  @Query(() => [Person], {
    nullable: true,
    description:
      'The citizen’s own person (an adult with legal capacity) and the people they are recorded as legal representative of ' +
      '(a minor child, an incapable adult): whose consents and access log the citizen reads (issue 15 §6).',
  })
  async representedPersons(@Ctx() ctx: HubContext): Promise<Person[]> {
    const ids = await peopleCitizenActsFor(ctx);
    const people = await loaderBy(ctx, Person, 'id').loadMany(ids);
    return people.filter((p): p is Person => !!p && !(p instanceof Error)).sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  }

  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Query(() => Person, { nullable: true, description: 'A person by SNILS (with or without separators); null when unknown.' })
  personBySnils(
    @Arg('snils', { description: 'SNILS, 11 digits, separators allowed.' }) snils: string,
    @Ctx() ctx: HubContext,
  ): Promise<Person | null> {
    return loaderBy(ctx, Person, 'snils').load(normalizeSnils(snils));
  }

  /** The first family the person was registered in (a person is a member of one family in practice). */
  @FieldResolver(() => Family, {
    nullable: true,
    description: refusable(
      "The family the person belongs to (the first registered, if several); null when in none. Read like `family(id:)`: the coordinator of the family's operator organization only.",
    ),
  })
  async family(@Root() person: Person, @Ctx() ctx: HubContext): Promise<Family | null> {
    const memberships = await loaderManyBy(ctx, FamilyMember, 'person').load(person.id);
    const first = [...memberships].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0))[0];
    if (!first) return null;
    const family = await loaderBy(ctx, Family, 'id').load(first.family.id);
    if (!family) return null;
    await assertMayReadFamily(ctx, family, 'Person.family');
    return family;
  }

  @PersonalData('SENSITIVE')
  @FieldResolver(() => Period, {
    nullable: true,
    description: refusable(
      'The established disability: from the day MSE established it to the re-examination day (`endsOn` null when established indefinitely); null without an established disability.',
    ),
  })
  disabilityPeriod(@Root() person: Person): Period | null {
    if (!person.disabilityGroup && !person.disabilitySince) return null;
    return periodOf(person.disabilitySince, person.disabilityUntil);
  }
}
