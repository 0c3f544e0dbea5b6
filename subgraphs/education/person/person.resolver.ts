import { Ctx, Directive, FieldResolver, Resolver, Root } from 'type-graphql';
import { AGENCY_ACCESS_REQUIRES, assertMayReadAgencyRecords } from '../../kit/agency-access';
import type { HubContext } from '../../kit/context';
import { AgencyRoute } from '../../kit/route';
import { Person } from './person.entity';

const AGENCY = 'EDUCATION';

@Resolver(() => Person)
export class PersonResolver {
  @Directive(AGENCY_ACCESS_REQUIRES)
  @FieldResolver(() => AgencyRoute, { nullable: true, description: "Education's part of the person's route (route convention)." })
  educationRoute(@Root() person: Person, @Ctx() ctx: HubContext): AgencyRoute {
    assertMayReadAgencyRecords(ctx, AGENCY, person, 'Person.educationRoute');
    return { agency: AGENCY, steps: [], alerts: [] };
  }
}
