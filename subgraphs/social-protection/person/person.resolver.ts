import { Arg, Authorized, Ctx, ID, Query, Resolver } from 'type-graphql';
import type { HubContext } from '../../kit/platform/context';
import { loaderBy } from '../../kit/platform/entity-loaders';
import { Role } from '../../kit/policy/roles';
import { normalizeSnils } from '../../kit/domain/snils';
import { Person } from './person.entity';

@Resolver(() => Person)
export class PersonResolver {
  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Query(() => Person, { nullable: true, description: 'A person by hub id.' })
  person(@Arg('id', () => ID) id: string, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'id').load(id);
  }

  @Authorized(Role.COORDINATOR, Role.SPECIALIST)
  @Query(() => Person, { nullable: true, description: 'A person by SNILS (with or without separators).' })
  personBySnils(@Arg('snils') snils: string, @Ctx() ctx: HubContext): Promise<Person | null> {
    return loaderBy(ctx, Person, 'snils').load(normalizeSnils(snils));
  }
}
